// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {SmartSessionTestBase} from "./SmartSessionTestBase.sol";
import {HashLib} from "../../../main/solidity/smartsession/lib/HashLib.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev EIP-712 constants and digests of spec §2.3.
contract HashLibTest is SmartSessionTestBase {
    string internal constant POLICY_DATA = "PolicyData(address policy,bytes initData)";
    string internal constant ACTION_DATA_ONLY =
        "ActionData(bytes4 actionTargetSelector,address actionTarget,PolicyData[] actionPolicies)";
    string internal constant ERC7739_CONTEXT = "ERC7739Context(bytes32 appDomainSeparator,string[] contentName)";
    string internal constant ERC7739_DATA_ONLY =
        "ERC7739Data(ERC7739Context[] allowedERC7739Content,PolicyData[] erc1271Policies)";
    string internal constant SIGNED_PERMISSIONS_ONLY =
        "SignedPermissions(bool permitGenericPolicy,bool permitAdminAccess,bool ignoreSecurityAttestations,bool permitERC4337Paymaster,PolicyData[] userOpPolicies,ERC7739Data erc7739Policies,ActionData[] actions)";
    string internal constant SIGNED_SESSION_ONLY =
        "SignedSession(address account,SignedPermissions permissions,address sessionValidator,bytes sessionValidatorInitData,bytes32 salt,address smartSession,uint256 nonce)";
    string internal constant CHAIN_SESSION_ONLY = "ChainSession(uint64 chainId,SignedSession session)";
    string internal constant MULTICHAIN_SESSION_ONLY = "MultiChainSession(ChainSession[] sessionsAndChainIds)";

    function test_typehashes() public pure {
        vm.assertEq(keccak256(bytes(POLICY_DATA)), HashLib.POLICY_DATA_TYPEHASH, "PolicyData");
        vm.assertEq(
            keccak256(abi.encodePacked(ACTION_DATA_ONLY, POLICY_DATA)), HashLib.ACTION_DATA_TYPEHASH, "ActionData"
        );
        vm.assertEq(keccak256(bytes(ERC7739_CONTEXT)), HashLib.ERC7739_CONTEXT_TYPEHASH, "ERC7739Context");
        vm.assertEq(
            keccak256(abi.encodePacked(ERC7739_DATA_ONLY, ERC7739_CONTEXT, POLICY_DATA)),
            HashLib.ERC7739_DATA_TYPEHASH,
            "ERC7739Data"
        );
        // referenced types sorted alphabetically: ActionData, ERC7739Context, ERC7739Data, PolicyData, ...
        bytes memory deps = abi.encodePacked(ACTION_DATA_ONLY, ERC7739_CONTEXT, ERC7739_DATA_ONLY, POLICY_DATA);
        vm.assertEq(
            keccak256(abi.encodePacked(SIGNED_PERMISSIONS_ONLY, deps)),
            HashLib.SIGNED_PERMISSIONS_TYPEHASH,
            "SignedPermissions"
        );
        vm.assertEq(
            keccak256(abi.encodePacked(SIGNED_SESSION_ONLY, deps, SIGNED_PERMISSIONS_ONLY)),
            HashLib.SESSION_TYPEHASH,
            "SignedSession"
        );
        vm.assertEq(
            keccak256(abi.encodePacked(CHAIN_SESSION_ONLY, deps, SIGNED_PERMISSIONS_ONLY, SIGNED_SESSION_ONLY)),
            HashLib.CHAIN_SESSION_TYPEHASH,
            "ChainSession"
        );
        vm.assertEq(
            keccak256(
                bytes.concat(
                    abi.encodePacked(MULTICHAIN_SESSION_ONLY, ACTION_DATA_ONLY, CHAIN_SESSION_ONLY, ERC7739_CONTEXT),
                    abi.encodePacked(ERC7739_DATA_ONLY, POLICY_DATA, SIGNED_PERMISSIONS_ONLY, SIGNED_SESSION_ONLY)
                )
            ),
            HashLib.MULTICHAIN_SESSION_TYPEHASH,
            "MultiChainSession"
        );
    }

    function test_domainSeparator() public pure {
        vm.assertEq(
            keccak256("EIP712Domain(string name,string version)"), HashLib.MULTICHAIN_DOMAIN_TYPEHASH, "domain typehash"
        );
        vm.assertEq(
            keccak256(abi.encode(HashLib.MULTICHAIN_DOMAIN_TYPEHASH, keccak256("SmartSession"), keccak256("1"))),
            HashLib.MULTICHAIN_DOMAIN_SEPARATOR,
            "domain separator"
        );
    }

    function test_emptyArrayHash() public pure {
        vm.assertEq(HashLib.hashPolicyDataArray(new PolicyData[](0)), keccak256(""), "empty array");
    }

    /// @dev An independent rendition of hashStruct(SignedSession) for one concrete session.
    function test_sessionDigestMatchesReference() public view {
        Session memory s = _session(bytes32(uint256(7)));
        s.userOpPolicies = _policies(address(policyB));
        s.permitERC4337Paymaster = true;
        s.erc7739Policies.allowedERC7739Content = new ERC7739Context[](1);
        s.erc7739Policies.allowedERC7739Content[0].appDomainSeparator = keccak256("app");
        s.erc7739Policies.allowedERC7739Content[0].contentNames = new string[](2);
        s.erc7739Policies.allowedERC7739Content[0].contentNames[0] = "Mail(address to)";
        s.erc7739Policies.allowedERC7739Content[0].contentNames[1] = "Permit";

        bytes32 expected = keccak256(
            bytes.concat(
                abi.encode(HashLib.SESSION_TYPEHASH, address(account), _referencePermissions(), address(validator)),
                abi.encode(keccak256(abi.encode(sessionKey)), bytes32(uint256(7)), address(smartSession), uint256(3))
            )
        );
        vm.assertEq(
            HashLib.sessionDigest(s, address(account), address(smartSession), SmartSessionMode.UNSAFE_ENABLE, 3),
            expected,
            "session digest"
        );
    }

    function _referencePermissions() internal view returns (bytes32) {
        bytes32 polB = keccak256(abi.encode(HashLib.POLICY_DATA_TYPEHASH, address(policyB), keccak256("")));
        bytes32 polA = keccak256(abi.encode(HashLib.POLICY_DATA_TYPEHASH, address(policyA), keccak256("")));
        bytes32 action = keccak256(
            abi.encode(HashLib.ACTION_DATA_TYPEHASH, TRANSFER_SELECTOR, TARGET, keccak256(abi.encodePacked(polA)))
        );
        bytes32 ctx = keccak256(
            abi.encode(
                HashLib.ERC7739_CONTEXT_TYPEHASH,
                keccak256("app"),
                keccak256(abi.encodePacked(keccak256("Mail(address to)"), keccak256("Permit")))
            )
        );
        bytes32 data7739 =
            keccak256(abi.encode(HashLib.ERC7739_DATA_TYPEHASH, keccak256(abi.encodePacked(ctx)), keccak256("")));
        return keccak256(
            bytes.concat(
                abi.encode(
                    HashLib.SIGNED_PERMISSIONS_TYPEHASH,
                    false,
                    false,
                    true /* UNSAFE_ENABLE */
                ),
                abi.encode(true, keccak256(abi.encodePacked(polB)), data7739, keccak256(abi.encodePacked(action)))
            )
        );
    }

    function test_flagsDerivedFromActions() public pure {
        ActionData[] memory actions = new ActionData[](2);
        actions[0].actionTarget = FALLBACK_TARGET_FLAG;
        actions[0].actionTargetSelector = FALLBACK_TARGET_SELECTOR_FLAG;
        actions[1].actionTarget = address(0x1234);
        actions[1].actionTargetSelector = FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION;
        (bool generic, bool admin) = HashLib.fallbackFlags(actions);
        vm.assertTrue(generic, "generic");
        vm.assertFalse(admin, "admin needs target 0x..01");
        actions[1].actionTarget = FALLBACK_TARGET_FLAG;
        (, admin) = HashLib.fallbackFlags(actions);
        vm.assertTrue(admin, "admin");
    }

    function test_getSessionDigestUsesNonceAndMode() public {
        Session memory s = _session(bytes32(0));
        PermissionId pid = smartSession.getPermissionId(s);
        bytes32 enableDigest = smartSession.getSessionDigest(pid, address(account), s, SmartSessionMode.ENABLE);
        bytes32 unsafeDigest = smartSession.getSessionDigest(pid, address(account), s, SmartSessionMode.UNSAFE_ENABLE);
        vm.assertNotEq(enableDigest, unsafeDigest, "UNSAFE_ENABLE differs from ENABLE");
        vm.assertEq(
            enableDigest,
            HashLib.sessionDigest(s, address(account), address(smartSession), SmartSessionMode.ENABLE, 0),
            "nonce 0"
        );
        vm.prank(address(account));
        smartSession.revokeEnableSignature(pid);
        vm.assertEq(
            smartSession.getSessionDigest(pid, address(account), s, SmartSessionMode.ENABLE),
            HashLib.sessionDigest(s, address(account), address(smartSession), SmartSessionMode.ENABLE, 1),
            "nonce 1"
        );
    }

    function test_multichainDigest() public pure {
        ChainDigest[] memory cds = new ChainDigest[](2);
        cds[0] = ChainDigest(1, keccak256("a"));
        cds[1] = ChainDigest(8453, keccak256("b"));
        bytes32 h0 = keccak256(abi.encode(HashLib.CHAIN_SESSION_TYPEHASH, uint64(1), keccak256("a")));
        bytes32 h1 = keccak256(abi.encode(HashLib.CHAIN_SESSION_TYPEHASH, uint64(8453), keccak256("b")));
        bytes32 structHash =
            keccak256(abi.encode(HashLib.MULTICHAIN_SESSION_TYPEHASH, keccak256(abi.encodePacked(h0, h1))));
        vm.assertEq(
            HashLib.multichainDigest(cds),
            keccak256(abi.encodePacked(hex"1901", HashLib.MULTICHAIN_DOMAIN_SEPARATOR, structHash)),
            "multichain digest"
        );
    }
}
