package dev.latchkey.wallet;

import dev.latchkey.session.model.Address;

/** How an account came to have code. */
public sealed interface Deployment {

    Address account();

    /** It already had code; nothing was sent. */
    record AlreadyDeployed(Address account) implements Deployment { }

    /** Devnet: the faucet's account called the (permissionless) factory; no owner signature. */
    record ByFaucet(Address account, String transactionHash) implements Deployment { }

    /** Public networks: one owner-signed operation carrying the initCode, paid from the account's ETH. */
    record ByOwner(Address account, String transactionHash) implements Deployment { }
}
