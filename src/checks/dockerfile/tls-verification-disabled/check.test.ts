import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'verified downloads, words that look alike', code: 'FROM debian:12\nRUN curl -fsSL https://x -o /k && wget -q https://y && pip install --index-url https://p/simple x && npm config set strict-ssl true && git config http.sslVerify true\n' }],
  invalid: [
    {
      name: 'curl bundle, wget, pip, npm, git',
      code: 'FROM debian:12\nRUN curl -fsSLk https://x\nRUN wget --no-check-certificate https://y\nRUN pip3 install --trusted-host pypi.internal x\nRUN npm config set strict-ssl false\nRUN git -c http.sslVerify=false clone https://g/r\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
        { path: 'stages[0].instructions[2]', line: 4 },
        { path: 'stages[0].instructions[3]', line: 5 },
        { path: 'stages[0].instructions[4]', line: 6 },
      ],
    },
  ],
});
