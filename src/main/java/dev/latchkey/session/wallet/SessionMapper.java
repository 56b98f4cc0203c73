package dev.latchkey.session.wallet;

import dev.latchkey.session.codec.AbiWords;
import dev.latchkey.session.model.ActionData;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.Erc7739Data;
import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.session.model.OnchainSession;
import dev.latchkey.session.model.PolicyData;
import dev.latchkey.session.policy.Policy;
import dev.latchkey.session.policy.PolicyAddresses;
import dev.latchkey.session.policy.PolicyCodec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.web3j.crypto.Hash;

/** Wallet session ⇄ on-chain {@code Session} (spec §6 mapping). */
public final class SessionMapper {

    private SessionMapper() { }

    public static OnchainSession toOnchain(WalletSession s, PolicyAddresses addresses) {
        List<ActionData> actions = IntStream.range(0, s.actions().size()).mapToObj(i -> {
            Action a = s.actions().get(i);
            return new ActionData(a.selector(), a.target(), policies("actions[" + i + "].policies", a.policies(), addresses));
        }).toList();
        Erc7739Data erc7739 = s.signing().map(g -> new Erc7739Data(g.allowedContent(),
                policies("signing.policies", g.policies(), addresses))).orElse(Erc7739Data.NONE);
        return new OnchainSession(s.owners().validator(), validatorInitData(s.owners()), s.salt(),
                policies("policies", s.policies(), addresses), erc7739, actions, s.permitErc4337Paymaster());
    }

    /** The typed view of an on-chain session (import, review screens). Unknown policies stay {@link Policy.Custom}. */
    public static WalletSession toWallet(OnchainSession s, PolicyAddresses addresses, List<Long> chains) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < s.actions().size(); i++) {
            ActionData a = s.actions().get(i);
            actions.add(new Action(a.actionTarget(), a.actionTargetSelector(), typed("actions[" + i + "].policies", a.actionPolicies(), addresses)));
        }
        Erc7739Data d = s.erc7739Policies();
        java.util.Optional<Signing> signing = d.allowedErc7739Content().isEmpty() && d.erc1271Policies().isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(new Signing(d.allowedErc7739Content(), typed("signing.policies", d.erc1271Policies(), addresses)));
        return new WalletSession(owners(s.sessionValidator(), s.sessionValidatorInitData()), actions,
                typed("policies", s.userOpPolicies(), addresses), s.salt(), chains, signing, s.permitErc4337Paymaster());
    }

    public static HexBytes validatorInitData(Owners owners) {
        return switch (owners) {
            case Owners.Ecdsa e -> {
                List<Address> sorted = e.sortedAccounts();
                AbiWords w = new AbiWords().uint(e.threshold()).uint(64).uint(sorted.size());
                sorted.forEach(w::address);
                yield w.toHexBytes();
            }
            case Owners.Passkey p -> passkeyInitData(p);
            case Owners.Custom c -> c.initData();
        };
    }

    /** Ecdsa owners if the validator is the OwnableValidator and the data is its canonical config, else Custom. */
    public static Owners owners(Address validator, HexBytes initData) {
        return owners(validator, initData, Owners.OWNABLE_VALIDATOR);
    }

    /**
     * The same, also for {@code ownableValidator}, a network's own deployment of the OwnableValidator (the devnet's
     * lives elsewhere than the canonical address).
     */
    public static Owners owners(Address validator, HexBytes initData, Address ownableValidator) {
        if (validator.equals(Owners.OWNABLE_VALIDATOR) || validator.equals(ownableValidator)) {
            try {
                byte[] d = initData.unsafeBytes();
                int threshold = AbiWords.smallWord("threshold", d, 0);
                int n = AbiWords.smallWord("owners.length", d, 64);
                if (n <= 32) {
                    List<Address> owners = new ArrayList<>();
                    for (int i = 0; i < n; i++) owners.add(AbiWords.addressWord("owners", d, 96 + 32L * i));
                    Owners.Ecdsa e = new Owners.Ecdsa(owners, threshold, validator);
                    if (validatorInitData(e).equals(initData)) return e;
                }
            } catch (FieldException notCanonical) {
                // fall through: keep the bytes as they are
            }
        }
        return new Owners.Custom(validator, initData);
    }

    private static HexBytes passkeyInitData(Owners.Passkey p) {
        record Cred(byte[] id, Owners.Passkey.Credential c) { }
        List<Cred> creds = p.credentials().stream()
                .map(c -> new Cred(Hash.sha3(new AbiWords().uint(c.pubKeyX()).uint(c.pubKeyY()).toBytes()), c))
                .sorted(Comparator.comparing(c -> new BigInteger(1, c.id()))).toList();
        int n = creds.size();
        AbiWords w = new AbiWords().uint(32).bool(p.usePrecompile()).uint(p.threshold()).uint(128).uint(128 + 32L * (n + 1)).uint(n);
        creds.forEach(c -> w.raw(c.id()));
        w.uint(n);
        creds.forEach(c -> w.uint(c.c().pubKeyX()).uint(c.c().pubKeyY()).bool(c.c().requireUserVerification()));
        return w.toHexBytes();
    }

    private static List<PolicyData> policies(String field, List<Policy> ps, PolicyAddresses addresses) {
        return IntStream.range(0, ps.size()).mapToObj(i -> PolicyCodec.toPolicyData(field + "[" + i + "]", ps.get(i), addresses)).toList();
    }

    private static List<Policy> typed(String field, List<PolicyData> ps, PolicyAddresses addresses) {
        return IntStream.range(0, ps.size()).mapToObj(i -> PolicyCodec.fromPolicyData(field + "[" + i + "]", ps.get(i), addresses)).toList();
    }
}
