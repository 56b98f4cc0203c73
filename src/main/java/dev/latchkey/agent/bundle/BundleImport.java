package dev.latchkey.agent.bundle;

import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionSigner;
import dev.latchkey.session.model.HexBytes;

/**
 * The agent's side: writes a bundle into the agent's own store once, and binds the data directory to the bundle's
 * agent id. A restart (same bundle, same directory, or the directory moved to another machine) imports nothing and
 * keeps the journal, firings and rule cursors — the exactly-once state. Another agent's bundle is refused.
 */
public final class BundleImport {

    public static final String AGENT_ID = "agent.id";
    public static final String AGENT_SERVER = "agent.server";
    public static final String AGENT_SESSION = "agent.session";

    private BundleImport() { }

    /** True when the bundle was imported now, false when this directory already runs it. */
    public static boolean into(Keystore store, AgentBundle b) throws KeystoreException, BundleException {
        String bound = store.settings().get(AGENT_ID);
        if (bound != null) {
            if (!bound.equals(b.agentId())) {
                throw new BundleException("this data directory belongs to agent " + bound + " (" + store.settings().get(AGENT_SERVER)
                        + "); the bundle is for agent " + b.agentId() + " — give each bundle its own --data directory");
            }
            return false;
        }
        if (!store.sessions().all().isEmpty() || !store.automations().all().isEmpty()) {
            throw new BundleException("the data directory holds sessions but no agent id: an earlier import stopped half-way, or it is"
                    + " a wallet; start the agent with an empty --data directory");
        }
        HexBytes pid = HexBytes.of(b.session().permissionId());
        store.sessions().addAccount(b.account());
        SessionSigner key = store.keys().importSessionKey(b.sessionKey().clone(), "shared session " + pid.hex().substring(0, 10));
        if (!key.address().equalsIgnoreCase(b.session().sessionKeyAddress())) {
            throw new BundleException("the bundle's session key is not the key its session names (" + b.session().sessionKeyAddress() + ")");
        }
        store.sessions().add(b.session());
        if (b.approval().isPresent()) store.sessions().approve(b.session().permissionId(), b.approval().get());
        for (AgentBundle.Budget line : b.budget()) store.sessions().setBudget(b.session().permissionId(), line.token(), line.cap(), line.uses());
        store.settings().put("session." + pid.hex() + ".label", b.sessionLabel());
        for (AgentBundle.Rule r : b.rules()) {
            store.automations().add(r.ruleId(), b.session().permissionId(), r.kind(), r.label(), r.spec());
        }
        store.settings().put(AGENT_SERVER, b.server());
        store.settings().put(AGENT_SESSION, pid.hex());
        store.settings().put(AGENT_ID, b.agentId()); // last: its presence says the import is complete
        store.activity().append(dev.latchkey.keystore.ActivityKind.AGENT_IMPORTED, pid.hex(), "session " + pid.hex() + " from the bundle for agent " + b.agentId()
                + " (" + b.rules().size() + " rule(s))");
        return true;
    }

}
