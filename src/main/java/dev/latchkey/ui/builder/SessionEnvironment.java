package dev.latchkey.ui.builder;

/**
 * Port: the builder's context for the active network and account (contracts, tokens, the smart account, policy
 * deployments). May do RPC (the account's counterfactual address), so it is called off the FX thread; a failure
 * message is shown to the user as is.
 */
@FunctionalInterface
public interface SessionEnvironment {

    BuilderContext current() throws Exception;
}
