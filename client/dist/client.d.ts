import type { FiretrackClient, FiretrackClientOptions } from "./types.js";
/** Never throws, even for options that cannot work: those make a client that drops every report as "invalid". */
export declare function createFiretrackClient(options: FiretrackClientOptions): FiretrackClient;
