import { generateDeviceCsv } from './generate-device-csv';
await generateDeviceCsv(process.argv[2]!, Number(process.argv[3]));
