package dev.latchkey.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.devnet.Devnet;
import dev.latchkey.devnet.DevnetExtension;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.keystore.Sessions;
import dev.latchkey.session.model.HexBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The owner's one approval, the session views, and revocation (on chain and local) on the devnet. */
@ExtendWith(DevnetExtension.class)
class ApproveAndRevokeOnDevnetTest {

    @TempDir Path dir;

    @Test
    void approveOnceShowReadyThenRevokeInvalidatesTheApprovalOnChainAndWipesTheKey(Devnet devnet) throws Exception {
        try (Keystore ks = WalletFixture.keystore(dir); ChainConnection chain = ChainConnection.open(WalletFixture.profile(devnet))) {
            Sessions.Account account = SessionCreationOnDevnetTest.account(ks, chain);
            new AccountDeployer(ks, chain).fund(account, BigDecimal.ONE, null, null, null);
            SessionService sessions = new SessionService(ks, chain, Clock.systemUTC());
            CreatedSession created = sessions.create(account, new SessionRequest.FromTemplate(SessionCreationOnDevnetTest.SWAP, 7));
            SessionRecord record = sessions.find(created.permissionId().hex().substring(0, 12));

            SessionView before = sessions.show(record);
            assertThat(before.state()).isEqualTo(SessionView.State.AWAITING_APPROVAL);
            assertThat(before.uses()).hasValueSatisfying(u -> assertThat(u.left()).isEqualTo(BigInteger.valueOf(350)));
            assertThat(before.spending()).singleElement().satisfies(sp -> {
                assertThat(sp.symbol()).isEqualTo("USDC");
                assertThat(sp.limit()).isEqualTo(BigInteger.valueOf(2_000_000_000L));
                assertThat(sp.periodSeconds()).contains(86_400L);
                assertThat(sp.spent()).isZero();
            });
            assertThat(before.ruleTotals()).singleElement().satisfies(u -> {
                assertThat(u.what()).isEqualTo("SwapRouter02.exactInputSingle rule 4");
                assertThat(u.limit()).isEqualTo(BigInteger.valueOf(14_000_000_000L));
            });

            SessionApproval.Preview preview = sessions.preview(record);
            assertThat(preview.digest()).isEqualTo(created.enableDigest());
            assertThat(preview.review()).isEqualTo(created.review());

            assertThatThrownBy(() -> sessions.approve(record, "wrong".toCharArray()))
                    .isInstanceOf(KeystoreException.WrongPasswordException.class);
            assertThat(ks.sessions().get(record.permissionId()).approved()).isFalse();
            assertThat(ownerSignatures(ks)).isZero();

            sessions.approve(record, WalletFixture.PASSWORD.clone());
            SessionRecord approved = ks.sessions().get(record.permissionId());
            assertThat(approved.approved()).isTrue();
            assertThat(approved.status()).isEqualTo(SessionStatus.PENDING_ENABLE);
            assertThat(ks.sessions().approval(record.permissionId())).hasValueSatisfying(sig -> {
                assertThat(sig).hasSize(20 + 65);
                assertThat(HexBytes.of(sig).slice(0, 20)).isEqualTo(HexBytes.of(chain.profile().ownableValidator().bytes()));
            });
            assertThat(ownerSignatures(ks)).as("the approval is one owner signature").isEqualTo(1);
            assertThat(sessions.show(approved).state()).isEqualTo(SessionView.State.READY);
            assertThatThrownBy(() -> sessions.approve(approved, WalletFixture.PASSWORD.clone())).isInstanceOf(WalletException.class)
                    .hasMessageContaining("already approved (ready)");

            Revocation revoked = sessions.revoke(approved);
            assertThat(revoked.how()).isEqualTo(Revocation.How.APPROVAL_INVALIDATED);
            assertThat(revoked.keyWiped()).isTrue();
            assertThat(revoked.transactionHash()).isPresent();
            assertThat(SmartSessionReads.enableNonce(chain.node(), chain.profile().smartSession(), created.permissionId(), created.account()))
                    .as("revokeEnableSignature bumped the nonce: the stored approval is void").isEqualTo(BigInteger.ONE);
            SessionRecord after = ks.sessions().get(record.permissionId());
            assertThat(after.status()).isEqualTo(SessionStatus.REVOKED);
            assertThat(sessions.show(after).state()).isEqualTo(SessionView.State.REVOKED);
            assertThat(ks.keys().sessionKeys()).isEmpty();
            assertThat(ownerSignatures(ks)).isEqualTo(2);

            CreatedSession never = sessions.create(account, new SessionRequest.FromTemplate(SessionCreationOnDevnetTest.SWAP, 1));
            assertThat(sessions.revokeAll()).singleElement().satisfies(r -> {
                assertThat(r.permissionId()).isEqualTo(never.permissionId());
                assertThat(r.how()).isEqualTo(Revocation.How.LOCAL_ONLY);
                assertThat(r.transactionHash()).isEmpty();
            });
            assertThat(ownerSignatures(ks)).as("nothing on chain to revoke: no owner signature").isEqualTo(2);
            assertThat(sessions.list()).extracting(SessionView::state).containsExactly(SessionView.State.REVOKED, SessionView.State.REVOKED);
        }
    }

    static long ownerSignatures(Keystore ks) throws KeystoreException {
        return ks.activity().recent(1000).stream().filter(e -> e.kind().equals(OwnerSignatures.KIND)).count();
    }
}
