import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [{ name: 'installing sudo, a word containing sudo', code: 'FROM debian:12\nRUN apt-get install -y sudo && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app && pseudosudo x\n' }],
  invalid: [
    {
      name: 'sudo with options and in a pipe',
      code: 'FROM debian:12\nRUN sudo -u app make install\nRUN curl -fsSL https://x/key | sudo tee /etc/apt/keyrings/x.asc\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
      ],
    },
  ],
});
