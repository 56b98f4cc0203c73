// Preloaded into Alto (node --import) by the Latchkey devnet: Alto's server always listens on 0.0.0.0 (no
// host option in 0.0.20), which would expose the devnet bundler to the network. Rewrite that to 127.0.0.1.
import http from 'node:http';
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (first && typeof first === 'object' && (first.host === '0.0.0.0' || first.host === '::' || first.host === undefined)) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (typeof first === 'number' && (args[1] === '0.0.0.0' || typeof args[1] !== 'string')) {
    args.splice(1, typeof args[1] === 'string' ? 1 : 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};

// Alto judges validAfter / validUntil by its own wall clock (Date.now), the EntryPoint by block time. Devnet
// tests move the chain's clock forward (evm_increaseTime), and the windowed policies pin operations into windows
// of a minute: a bundler clock left behind would refuse every such op as "not valid yet". So the devnet's bundler
// follows the chain's clock: the latest block's time, whenever it is ahead of the wall clock — read again before
// each incoming request is handled (so a warp just before a send is seen), and every 100 ms.
const urlAt = process.argv.indexOf('--rpc-url');
const rpcUrl = urlAt >= 0 ? process.argv[urlAt + 1] : undefined;
const wallNow = Date.now.bind(Date);
let aheadMs = 0;
async function followChainClock() {
  try {
    const res = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] }),
    });
    const block = (await res.json()).result;
    if (block) aheadMs = Math.max(0, parseInt(block.timestamp, 16) * 1000 - wallNow());
  } catch {
    // the node is starting or stopping: keep the last offset
  }
}
if (rpcUrl) {
  Date.now = () => wallNow() + aheadMs;
  setInterval(followChainClock, 100).unref();
  followChainClock();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event !== 'request') return emit.call(this, event, ...args);
    followChainClock().finally(() => emit.call(this, event, ...args));
    return true;
  };
}
