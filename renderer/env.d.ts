/// <reference types="svelte" />
/// <reference types="vite/client" />

import type { LabApi } from '../service/protocol/lab-api.js';

declare global {
  interface Window {
    /** Present in Electron, exposed by the preload; absent in browser mode. */
    readonly lab?: LabApi;
  }
}
