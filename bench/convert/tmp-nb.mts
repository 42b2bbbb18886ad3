import { measureNodeConversion } from './measure-node-conversion';
console.log(JSON.stringify(await measureNodeConversion(process.argv[2]!, Number(process.argv[3]), Number(process.argv[4] ?? 3))));
