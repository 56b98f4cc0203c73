// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {
    Session,
    PolicyData,
    ActionData,
    ERC7739Context,
    ERC7739Data,
    ChainDigest,
    SmartSessionMode,
    FALLBACK_TARGET_FLAG,
    FALLBACK_TARGET_SELECTOR_FLAG,
    FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION
} from "../DataTypes.sol";

/// @title HashLib
/// @notice EIP-712 hashing of the enable digest (spec §2.3). Type strings are listed in the tests, which check
///         that keccak256(typeString) equals each constant below.
library HashLib {
    /// @dev keccak256("EIP712Domain(string name,string version)")
    bytes32 internal constant MULTICHAIN_DOMAIN_TYPEHASH =
        0xb03948446334eb9b2196d5eb166f69b9d49403eb4a12f36de8d3f9f3cb8e15c3;
    /// @dev hashStruct(EIP712Domain{name: "SmartSession", version: "1"})
    bytes32 internal constant MULTICHAIN_DOMAIN_SEPARATOR =
        0x057501e891776d1482927e5f094ae44049a4d893ba2d7b334dd7db8d38d3a0e1;

    bytes32 internal constant POLICY_DATA_TYPEHASH = 0xdddac12cd8b10a071bea04226e97ac9490698394e19224abc47a5cfeeeb6ee97;
    bytes32 internal constant ACTION_DATA_TYPEHASH = 0x35809859dccf8877c407a59527c2f00fb81ca9c198ebcb0c832c3deaa38d3502;
    bytes32 internal constant ERC7739_CONTEXT_TYPEHASH =
        0x006166b2b3a1edaf1da1ce02715d02d4979a4ab93755bff9ec054b0e6a96a1da;
    bytes32 internal constant ERC7739_DATA_TYPEHASH =
        0xdfd9b5718eebaa2484740b4ea6939e96189024c15848f16ccce901118114e152;
    bytes32 internal constant SIGNED_PERMISSIONS_TYPEHASH =
        0x871289c05e426554eb0f843c9aa542f9c2bc4eba7742ada6a5c014d3568674d4;
    bytes32 internal constant SESSION_TYPEHASH = 0xd44896e3cb83d70abc949a38dd6f9f75e675dc329dfe958617f066f79ff88f05;
    bytes32 internal constant CHAIN_SESSION_TYPEHASH =
        0x1ea7e4bc398fa0ccd68d92b5d8931a3fd93eebe1cf0391b4ba28935801af7c80;
    bytes32 internal constant MULTICHAIN_SESSION_TYPEHASH =
        0x0c9d02fb89a1da34d66ea2088dc9ee6a58efee71cef6f1bb849ed74fc6003d98;

    /// @notice hashStruct(PolicyData).
    function hashPolicyData(PolicyData memory p) internal pure returns (bytes32) {
        return keccak256(abi.encode(POLICY_DATA_TYPEHASH, p.policy, keccak256(p.initData)));
    }

    /// @notice EIP-712 hash of a PolicyData[] (keccak of the concatenated element hashes).
    function hashPolicyDataArray(PolicyData[] memory ps) internal pure returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](ps.length);
        for (uint256 i; i < ps.length; ++i) {
            hashes[i] = hashPolicyData(ps[i]);
        }
        return _hashWords(hashes);
    }

    /// @notice hashStruct(ActionData); the selector is encoded left-aligned as bytes4.
    function hashActionData(ActionData memory a) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(
                ACTION_DATA_TYPEHASH, a.actionTargetSelector, a.actionTarget, hashPolicyDataArray(a.actionPolicies)
            )
        );
    }

    /// @notice EIP-712 hash of an ActionData[].
    function hashActionDataArray(ActionData[] memory as_) internal pure returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](as_.length);
        for (uint256 i; i < as_.length; ++i) {
            hashes[i] = hashActionData(as_[i]);
        }
        return _hashWords(hashes);
    }

    /// @notice keccak256(bytes(content)): how content names are stored and compared.
    function hashERC7739Content(string memory content) internal pure returns (bytes32) {
        return keccak256(bytes(content));
    }

    /// @notice hashStruct(ERC7739Context) with the EIP-712 field name `contentName` (string[]).
    function hashERC7739Context(ERC7739Context memory c) internal pure returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](c.contentNames.length);
        for (uint256 i; i < hashes.length; ++i) {
            hashes[i] = hashERC7739Content(c.contentNames[i]);
        }
        return keccak256(abi.encode(ERC7739_CONTEXT_TYPEHASH, c.appDomainSeparator, _hashWords(hashes)));
    }

    /// @notice hashStruct(ERC7739Data).
    function hashERC7739Data(ERC7739Data memory d) internal pure returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](d.allowedERC7739Content.length);
        for (uint256 i; i < hashes.length; ++i) {
            hashes[i] = hashERC7739Context(d.allowedERC7739Content[i]);
        }
        return keccak256(abi.encode(ERC7739_DATA_TYPEHASH, _hashWords(hashes), hashPolicyDataArray(d.erc1271Policies)));
    }

    /// @notice The two flags derived from the actions: generic fallback and admin access (target 0x..01).
    function fallbackFlags(ActionData[] memory actions)
        internal
        pure
        returns (bool permitGenericPolicy, bool permitAdminAccess)
    {
        for (uint256 i; i < actions.length; ++i) {
            if (actions[i].actionTarget != FALLBACK_TARGET_FLAG) continue;
            bytes4 sel = actions[i].actionTargetSelector;
            if (sel == FALLBACK_TARGET_SELECTOR_FLAG) permitGenericPolicy = true;
            else if (sel == FALLBACK_TARGET_SELECTOR_FLAG_PERMITTED_TO_CALL_SMARTSESSION) permitAdminAccess = true;
        }
    }

    /// @notice hashStruct(SignedPermissions) with the flags derived on chain.
    function hashPermissions(Session memory s, bool ignoreSecurityAttestations) internal pure returns (bytes32) {
        (bool permitGenericPolicy, bool permitAdminAccess) = fallbackFlags(s.actions);
        return keccak256(
            abi.encode(
                SIGNED_PERMISSIONS_TYPEHASH,
                permitGenericPolicy,
                permitAdminAccess,
                ignoreSecurityAttestations,
                s.permitERC4337Paymaster,
                hashPolicyDataArray(s.userOpPolicies),
                hashERC7739Data(s.erc7739Policies),
                hashActionDataArray(s.actions)
            )
        );
    }

    /// @notice hashStruct(SignedSession): the per-chain session digest.
    /// @param s The session.
    /// @param account The smart account.
    /// @param smartSession The SmartSession module address.
    /// @param mode ENABLE or UNSAFE_ENABLE (UNSAFE_ENABLE sets ignoreSecurityAttestations).
    /// @param nonce The account's enable nonce of the permission on this chain.
    function sessionDigest(
        Session memory s,
        address account,
        address smartSession,
        SmartSessionMode mode,
        uint256 nonce
    ) internal pure returns (bytes32) {
        bytes32 permissionsHash = hashPermissions(s, mode == SmartSessionMode.UNSAFE_ENABLE);
        return keccak256(
            abi.encode(
                SESSION_TYPEHASH,
                account,
                permissionsHash,
                address(s.sessionValidator),
                keccak256(s.sessionValidatorInitData),
                s.salt,
                smartSession,
                nonce
            )
        );
    }

    /// @notice The EIP-712 digest of MultiChainSession over every (chainId, sessionDigest) pair.
    function multichainDigest(ChainDigest[] memory cds) internal pure returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](cds.length);
        for (uint256 i; i < cds.length; ++i) {
            hashes[i] = keccak256(abi.encode(CHAIN_SESSION_TYPEHASH, cds[i].chainId, cds[i].sessionDigest));
        }
        bytes32 structHash = keccak256(abi.encode(MULTICHAIN_SESSION_TYPEHASH, _hashWords(hashes)));
        return keccak256(abi.encodePacked(hex"1901", MULTICHAIN_DOMAIN_SEPARATOR, structHash));
    }

    /// @dev keccak256 of the tight concatenation of `words`.
    function _hashWords(bytes32[] memory words) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            h := keccak256(add(words, 0x20), shl(5, mload(words)))
        }
    }
}
