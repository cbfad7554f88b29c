import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'download to a file and verify; pipe into tar or sha256sum', code: 'FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz -C /opt && echo "$SUM  f" | sha256sum -c -\nRUN wget -qO- https://x/key.asc | gpg --dearmor > /k.gpg\n' },
    { name: 'PowerShell stage is not a POSIX shell', code: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN iwr https://x | iex; curl https://x | sh\n' },
  ],
  invalid: [
    {
      name: 'sudo bash, heredoc, exec form and command substitution',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/i.sh | sudo -E bash -\nRUN <<EOF\nset -e\nwget -qO- https://x/i.sh | sh\nEOF\nRUN ["/bin/sh", "-c", "curl -s https://x | python3"]\nRUN bash -c "$(curl -fsSL https://x/install.sh)"\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
        { path: 'stages[0].instructions[2]', line: 7 },
        { path: 'stages[0].instructions[3]', line: 8 },
      ],
    },
  ],
});
