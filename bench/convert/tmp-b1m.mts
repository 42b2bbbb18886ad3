import { measureBrowserConversion } from './measure-browser-conversion';
const o = { format: 'auto', defaultMode: 'create', defaultStatus: 'enabled', keyPolicy: 'hub-generates', skipInvalid: false } as const;
console.log(JSON.stringify(await measureBrowserConversion('bench/.data/convert/devices-1000000.csv', 1000000, 1, o)));
