package dev.latchkey.wallet;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.codec.Ids;
import dev.latchkey.session.codec.SessionAbiReader;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.wallet.SessionMapper;
import dev.latchkey.session.wallet.WalletSession;
import dev.latchkey.trade.template.SessionReview;
import java.util.List;
import java.util.Locale;

/**
 * A stored session with its definition decoded from the exact stored bytes ({@code abi.encode(Session)}); what every
 * view and the approval are rendered from (R13). A struct that does not decode, or whose permission id is not the
 * row's, is refused as tampered.
 */
record StoredSession(SessionRecord record, OnchainSession onchain, Address account) {

    HexBytes permissionId() {
        return HexBytes.of(record.permissionId());
    }

    static StoredSession of(SessionRecord r) {
        OnchainSession s;
        try {
            s = SessionAbiReader.decode(HexBytes.of(r.sessionStruct()));
        } catch (FieldException e) {
            throw tampered(r, "its stored bytes do not decode (" + e.getMessage() + ")");
        }
        if (!Ids.permissionId(s).equals(HexBytes.of(r.permissionId()))) throw tampered(r, "its stored bytes have another permission id");
        return new StoredSession(r, s, Address.parse("account", r.account()));
    }

    WalletSession wallet(NetworkProfile profile) {
        return SessionMapper.toWallet(onchain, profile.policies(), record.chains().stream().map(SessionRecord.Chain::chainId).toList());
    }

    List<String> review(NetworkProfile profile) {
        return SessionReview.lines(wallet(profile), profile.tradeNetwork(), account);
    }

    /** The session whose id is {@code text}: the full 0x id, or an unambiguous prefix of at least 8 hex digits. */
    static SessionRecord find(Sessions sessions, String text) throws KeystoreException {
        String wanted = (text == null ? "" : text.trim()).toLowerCase(Locale.ROOT);
        if (!wanted.startsWith("0x")) wanted = "0x" + wanted;
        if (!wanted.matches("0x[0-9a-f]{8,64}")) {
            throw new WalletException(WalletException.Kind.INVALID, "--session: expected a session id (0x + at least 8 hex digits), got " + text);
        }
        String prefix = wanted;
        List<SessionRecord> hits = sessions.all().stream().filter(r -> HexBytes.of(r.permissionId()).hex().startsWith(prefix)).toList();
        if (hits.isEmpty()) throw new WalletException(WalletException.Kind.NOT_FOUND, "no session " + text + " in this wallet");
        if (hits.size() > 1) throw new WalletException(WalletException.Kind.INVALID, "session id " + text + " is ambiguous; give more digits");
        return hits.get(0);
    }

    private static WalletException tampered(SessionRecord r, String why) {
        return new WalletException(WalletException.Kind.STATE, "session " + HexBytes.of(r.permissionId()).hex() + " cannot be used: "
                + why + "; the wallet file may have been edited");
    }
}
