// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IERC5267} from "@openzeppelin/contracts/interfaces/IERC5267.sol";
import {PermissionId} from "../DataTypes.sol";
import {ISessionValidator} from "../interfaces/ISessionValidator.sol";
import {AssociatedSetLib} from "../utils/AssociatedSetLib.sol";
import {AssociatedBytesLib} from "../utils/AssociatedBytesLib.sol";
import {PolicyLib} from "../lib/PolicyLib.sol";
import {SmartSessionViews} from "./SmartSessionViews.sol";

/// @title SmartSessionERC7739
/// @notice ERC-1271 for sessions through ERC-7739 nested EIP-712 `TypedDataSign` (spec §2.7). PersonalSign is
///         not supported. Signature layout (after an optional ERC-6492 wrapper is stripped):
///         permissionId (32) ‖ sessionValidatorSig ‖ appDomainSeparator (32) ‖ contentsHash (32) ‖
///         contentsDescription ‖ uint16(len(contentsDescription))
abstract contract SmartSessionERC7739 is SmartSessionViews {
    using AssociatedSetLib for AssociatedSetLib.Set;
    using AssociatedBytesLib for AssociatedBytesLib.Bytes;

    bytes32 internal constant ERC7739_DETECTION_HASH =
        0x7739773977397739773977397739773977397739773977397739773977397739;
    bytes4 internal constant ERC7739_SUPPORT = 0x77390001;
    bytes32 internal constant ERC6492_MAGIC = 0x6492649264926492649264926492649264926492649264926492649264926492;
    bytes4 internal constant ERC1271_MAGIC = 0x1626ba7e;
    bytes4 internal constant ERC1271_INVALID = 0xffffffff;

    /// @dev The parts of a nested TypedDataSign signature.
    struct NestedSig {
        PermissionId permissionId;
        bytes validatorSig;
        bytes32 appDomainSeparator;
        bytes32 contentsHash;
        bytes contentsDescription;
    }

    /// @notice ERC-7579 validator ERC-1271 hook, called by the account (msg.sender) for a session signature.
    /// @param sender The original caller of the account's isValidSignature.
    /// @param hash The hash the app asks the account to validate.
    /// @param signature The session signature (see contract NatSpec), optionally ERC-6492 wrapped.
    /// @return result 0x1626ba7e if valid, 0x77390001 for the ERC-7739 detection hash, otherwise 0xffffffff.
    function isValidSignatureWithSender(address sender, bytes32 hash, bytes calldata signature)
        external
        view
        returns (bytes4 result)
    {
        if (hash == ERC7739_DETECTION_HASH) return ERC7739_SUPPORT;
        // a session must never authorize anything on SmartSession itself (e.g. another session's enable)
        if (sender == address(this)) return ERC1271_INVALID;
        return _validateNested(msg.sender, sender, hash, _unwrap6492(signature)) ? ERC1271_MAGIC : ERC1271_INVALID;
    }

    /// @dev ERC-6492: abi.encode(address factory, bytes factoryCalldata, bytes signature) ‖ magic.
    function _unwrap6492(bytes calldata signature) internal pure returns (bytes memory) {
        uint256 n = signature.length;
        if (n >= 32 && bytes32(signature[n - 32:n]) == ERC6492_MAGIC) {
            (,, bytes memory inner) = abi.decode(signature[0:n - 32], (address, bytes, bytes));
            return inner;
        }
        return signature;
    }

    /// @dev The checks of §2.7 in order; only NoPoliciesSet and SignerNotFound revert.
    function _validateNested(address account, address sender, bytes32 hash, bytes memory signature)
        internal
        view
        returns (bool)
    {
        (bool ok, NestedSig memory s) = _parseNested(signature);
        if (!ok) return false;
        if (hash != keccak256(abi.encodePacked(hex"1901", s.appDomainSeparator, s.contentsHash))) return false;
        if (!$enabledSessions.contains(account, PermissionId.unwrap(s.permissionId))) return false;
        if (!$erc7739.contentNames[s.permissionId][s.appDomainSeparator].contains(
                account, keccak256(s.contentsDescription)
            )) return false;
        bytes32 finalHash;
        (ok, finalHash) = _typedDataSignHash(account, s);
        if (!ok) return false;
        if (!PolicyLib.check1271(
                $erc1271Policies[s.permissionId], account, s.permissionId, sender, finalHash, s.validatorSig
            )) return false;
        SessionValidatorConf storage conf = $sessionValidators[s.permissionId][account];
        if (conf.validator == address(0)) revert SignerNotFound(s.permissionId, account);
        return
            ISessionValidator(conf.validator).validateSignatureWithData(finalHash, s.validatorSig, conf.config.load());
    }

    /// @dev Splits the signature; false if it is too short for its own description length.
    function _parseNested(bytes memory sig) internal pure returns (bool ok, NestedSig memory s) {
        uint256 n = sig.length;
        // 32 (permissionId) + 32 (app domain separator) + 32 (contents hash) + 2 (length); the validator signature
        // and the description may be empty here (an empty description fails later)
        if (n < 98) return (false, s);
        uint256 descLen = uint16(bytes2(_word(sig, n - 2)));
        if (n < 98 + descLen) return (false, s);
        uint256 descStart = n - 2 - descLen;
        s.permissionId = PermissionId.wrap(_word(sig, 0));
        s.appDomainSeparator = _word(sig, descStart - 64);
        s.contentsHash = _word(sig, descStart - 32);
        s.validatorSig = _slice(sig, 32, descStart - 64);
        s.contentsDescription = _slice(sig, descStart, n - 2);
        ok = true;
    }

    /// @dev keccak(0x1901 ‖ appDomainSeparator ‖ hashStruct(TypedDataSign)) with the account's EIP-712 domain.
    function _typedDataSignHash(address account, NestedSig memory s) internal view returns (bool ok, bytes32) {
        (bool valid, bytes memory contentsName, bytes memory contentsType) = _splitDescription(s.contentsDescription);
        if (!valid) return (false, bytes32(0));
        (, string memory name, string memory version, uint256 chainId, address verifyingContract, bytes32 salt,) =
            IERC5267(account).eip712Domain();
        bytes32 typeHash = keccak256(
            abi.encodePacked(
                "TypedDataSign(",
                contentsName,
                " contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)",
                contentsType
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(
                typeHash,
                s.contentsHash,
                keccak256(bytes(name)),
                keccak256(bytes(version)),
                chainId,
                verifyingContract,
                salt
            )
        );
        return (true, keccak256(abi.encodePacked(hex"1901", s.appDomainSeparator, structHash)));
    }

    /// @dev ERC-7739 (as solady's ERC1271): implicit mode if the description ends with ')' (type = description),
    ///      explicit mode otherwise (type = text up to and including the last ')', possibly empty; name source = the
    ///      rest). The name is the name source up to its first '('. It must be nonempty, must not start with a-z and
    ///      must not contain ',', ' ', ')' or NUL; otherwise the signature is invalid.
    function _splitDescription(bytes memory desc)
        internal
        pure
        returns (bool valid, bytes memory contentsName, bytes memory contentsType)
    {
        uint256 n = desc.length;
        if (n == 0) return (false, contentsName, contentsType);
        uint256 nameStart;
        if (desc[n - 1] == ")") {
            contentsType = desc;
        } else {
            uint256 i = n;
            while (i > 0 && desc[i - 1] != ")") --i;
            contentsType = _slice(desc, 0, i);
            nameStart = i;
        }
        uint256 nameEnd = nameStart;
        while (nameEnd < n && desc[nameEnd] != "(") ++nameEnd;
        contentsName = _slice(desc, nameStart, nameEnd);
        if (contentsName.length == 0) return (false, contentsName, contentsType);
        bytes1 first = contentsName[0];
        if (first >= "a" && first <= "z") return (false, contentsName, contentsType);
        for (uint256 j; j < contentsName.length; ++j) {
            bytes1 c = contentsName[j];
            if (c == "," || c == " " || c == ")" || c == 0x00) return (false, contentsName, contentsType);
        }
        valid = true;
    }

    function _word(bytes memory b, uint256 pos) private pure returns (bytes32 w) {
        assembly ("memory-safe") {
            w := mload(add(add(b, 0x20), pos))
        }
    }

    function _slice(bytes memory b, uint256 start, uint256 end) private pure returns (bytes memory out) {
        out = new bytes(end - start);
        assembly ("memory-safe") {
            mcopy(add(out, 0x20), add(add(b, 0x20), start), sub(end, start))
        }
    }
}
