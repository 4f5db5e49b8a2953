// Entry point of `npm start`.
import { runServerUntilStopped } from './run-server.js';

await runServerUntilStopped();
