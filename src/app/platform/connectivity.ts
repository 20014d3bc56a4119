/** Whether the browser believes it has a network; sync confirms by actually reaching the server. */
export interface Connectivity {
  isOnline(): boolean;
  subscribe(cb: () => void): () => void;
}

export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  subscribe(cb) {
    window.addEventListener('online', cb);
    window.addEventListener('offline', cb);
    return () => {
      window.removeEventListener('online', cb);
      window.removeEventListener('offline', cb);
    };
  },
};
