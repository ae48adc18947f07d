import type { Channel, RpcMessage } from '../../service/protocol/rpc.js';

/** Two connected in-memory channels, delivering asynchronously like a real transport. */
export function channelPair(): [Channel, Channel] {
  const make = () => ({ listeners: [] as Array<(m: RpcMessage) => void>, closers: [] as Array<() => void> });
  const a = make();
  const b = make();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const l of [...a.closers, ...b.closers]) l();
  };
  const side = (mine: typeof a, theirs: typeof a): Channel => ({
    send: (m) => {
      if (!closed) queueMicrotask(() => theirs.listeners.forEach((l) => l(structuredClone(m))));
    },
    onMessage: (l) => mine.listeners.push(l),
    onClose: (l) => mine.closers.push(l),
    close,
  });
  return [side(a, b), side(b, a)];
}
