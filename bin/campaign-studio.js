#!/usr/bin/env node
// The CLI runs the compiled engine; `npm ci` builds it (the prepare script).
import('../dist/main/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/main/cli')) {
    process.stderr.write('campaign-studio: 尚未编译，请先运行 npm run build\n');
    process.exit(70);
  }
  throw err;
});
