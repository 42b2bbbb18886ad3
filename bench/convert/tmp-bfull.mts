import { runConvertBrowserBench } from './run-convert-bench';
console.log(JSON.stringify(await runConvertBrowserBench({ quick: false })));
