// Preloaded into Alto (node --import) by the Latchkey devnet: Alto's server always listens on 0.0.0.0 (no
// host option in 0.0.20), which would expose the devnet bundler to the network. Rewrite that to 127.0.0.1.
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
