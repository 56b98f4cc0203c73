package dev.latchkey.signer;

import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SignerJournal;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.Address;
import java.math.BigInteger;
import java.time.Instant;

/** The daily soft caps count what the journal reserved or spent since the start of the day (released rows excluded). */
final class JournalHistory implements SoftLimits.LocalHistory {

    private final SignerJournal journal;

    JournalHistory(SignerJournal journal) {
        this.journal = journal;
    }

    @Override
    public BigInteger tokenAmountSince(Address token, long sinceEpochSecond) {
        try {
            return journal.amountSince(token.hex(), Instant.ofEpochSecond(sinceEpochSecond));
        } catch (KeystoreException e) {
            throw new IllegalStateException("cannot read the journal for the daily cap", e);
        }
    }
}
