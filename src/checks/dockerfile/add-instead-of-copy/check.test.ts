import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'archive, URL, variable, heredoc', code: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD https://example.com/x /x\nADD ${JAR} /app.jar\nADD <<EOF /etc/motd\nhello\nEOF\n' }],
  invalid: [
    {
      name: 'plain files, exec form, with flags',
      code: 'FROM alpine:3.20\nADD --chown=app:app src/ /app/\nADD ["a.conf", "b.conf", "/etc/"]\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
      ],
    },
  ],
});
