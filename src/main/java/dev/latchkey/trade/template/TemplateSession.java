package dev.latchkey.trade.template;

import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.wallet.WalletSession;

/**
 * A template's output: the wallet session, its on-chain struct, the permission id, {@code abi.encode(Session)}
 * (what the snapshot tests pin), a plain-language summary and the worst-case exposure.
 */
public record TemplateSession(String templateId, WalletSession wallet, OnchainSession onchain, HexBytes permissionId, HexBytes abi,
        String summary, String worstCase) { }
