import { runCheckTests } from '../../tester/index.js';
import check from './check.js';

runCheckTests(check, {
  dir: import.meta.dirname,
  valid: [
    { name: 'flag, env var, cache mount, build stage', code: 'FROM python:3.12 AS b\nRUN pip install build\nFROM python:3.12-slim\nRUN pip3 install --no-cache-dir flask\nRUN PIP_NO_CACHE_DIR=1 pip install gunicorn\nRUN --mount=type=cache,target=/root/.cache/pip pip install uvicorn\nRUN pip --version\n' },
    { name: 'PIP_NO_CACHE_DIR in the image', code: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      name: 'python -m pip and pip3',
      code: 'FROM python:3.12-slim\nRUN python3 -m pip install -U pip\nRUN pip3 install -r requirements.txt\n',
      errors: [
        { path: 'stages[0].instructions[0]', line: 2 },
        { path: 'stages[0].instructions[1]', line: 3 },
      ],
    },
  ],
});
