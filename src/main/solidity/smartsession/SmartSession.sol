// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {IERC7579Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {EnableSession, ChainDigest, PermissionId, ActionId, SmartSessionMode} from "./DataTypes.sol";
import {ISessionValidator} from "./interfaces/ISessionValidator.sol";
import {AssociatedSetLib} from "./utils/AssociatedSetLib.sol";
import {AssociatedBytesLib} from "./utils/AssociatedBytesLib.sol";
import {EncodeLib} from "./lib/EncodeLib.sol";
import {ExecutionLib} from "./lib/ExecutionLib.sol";
import {HashLib} from "./lib/HashLib.sol";
import {IdLib} from "./lib/IdLib.sol";
import {PolicyLib} from "./lib/PolicyLib.sol";
import {ValidationDataLib} from "./lib/ValidationDataLib.sol";
import {SmartSessionERC7739} from "./core/SmartSessionERC7739.sol";

/// @title SmartSession
/// @notice Latchkey's implementation of the Smart Sessions v1 ERC-7579 validator, interface-compatible with the
///         canonical module (erc7579/smartsessions). A session key signs user operations; the permission's policies
///         decide what it may do. Sessions are enabled by the account (`enableSessions`) or inside the first user
///         operation with an owner-signed EIP-712 digest (ENABLE / UNSAFE_ENABLE mode).
contract SmartSession is SmartSessionERC7739 {
    using AssociatedSetLib for AssociatedSetLib.Set;
    using AssociatedBytesLib for AssociatedBytesLib.Bytes;

    /// @dev IAccountExecute.executeUserOp: rejected, the executed calldata cannot be known in advance.
    bytes4 internal constant EXECUTE_USER_OP_SELECTOR = 0x8dd7712f;
    bytes1 internal constant CALLTYPE_SINGLE = 0x00;
    bytes1 internal constant CALLTYPE_BATCH = 0x01;
    bytes1 internal constant EXECTYPE_DEFAULT = 0x00;

    /// @notice ERC-4337 validation, called by the account (msg.sender must be userOp.sender).
    /// @dev Policy failures revert; only a bad session-key signature returns 1 (SIG_VALIDATION_FAILED).
    /// @param userOp The user operation; its signature is `mode ‖ payload` (spec §2.1).
    /// @param userOpHash The EntryPoint's userOpHash, which the session key signs.
    /// @return The intersected validation data of all policies, or 1.
    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash) external returns (uint256) {
        address account = userOp.sender;
        if (account != msg.sender) revert InvalidUserOpSender(account);
        (SmartSessionMode mode, bytes calldata packed) = EncodeLib.unpackMode(userOp.signature);
        if (mode == SmartSessionMode.USE) {
            (PermissionId permissionId, bytes calldata sig) = EncodeLib.decodeUse(packed);
            return _enforcePolicies(permissionId, userOp, userOpHash, sig, account);
        }
        (EnableSession memory enableData, bytes memory sessionSig) = EncodeLib.decodeEnable(packed);
        PermissionId pid = IdLib.toPermissionId(enableData.sessionToEnable);
        _enableWithSignature(pid, enableData, account, mode);
        return _enforcePolicies(pid, userOp, userOpHash, sessionSig, account);
    }

    /// @dev Checks the owner's enable signature over the multichain digest, then enables the permission.
    function _enableWithSignature(
        PermissionId permissionId,
        EnableSession memory enableData,
        address account,
        SmartSessionMode mode
    ) internal {
        uint256 nonce = _useNonce(permissionId, account);
        bytes32 computed = HashLib.sessionDigest(enableData.sessionToEnable, account, address(this), mode, nonce);
        ChainDigest memory cd = enableData.hashesAndChainIds[enableData.chainDigestIndex];
        if (cd.chainId != block.chainid) revert ChainIdMismatch(cd.chainId);
        if (cd.sessionDigest != computed) revert HashMismatch(cd.sessionDigest, computed);
        bytes32 digest = HashLib.multichainDigest(enableData.hashesAndChainIds);
        if (!_isValidERC1271(account, digest, enableData.permissionEnableSig)) {
            revert InvalidEnableSignature(account, digest);
        }
        _enablePermission(permissionId, enableData.sessionToEnable, account);
    }

    /// @dev account.isValidSignature(digest, sig) == 0x1626ba7e; a revert or malformed return is "invalid".
    function _isValidERC1271(address account, bytes32 digest, bytes memory sig) internal view returns (bool) {
        (bool success, bytes memory ret) = account.staticcall(abi.encodeCall(IERC1271.isValidSignature, (digest, sig)));
        return success && ret.length >= 32 && bytes4(abi.decode(ret, (bytes32))) == IERC1271.isValidSignature.selector;
    }

    /// @dev Spec §2.5: permission, paymaster, userOp policies, action policies, then the session signature.
    function _enforcePolicies(
        PermissionId permissionId,
        PackedUserOperation calldata userOp,
        bytes32 userOpHash,
        bytes memory sig,
        address account
    ) internal returns (uint256 vd) {
        if (!$enabledSessions.contains(account, PermissionId.unwrap(permissionId))) {
            revert InvalidPermissionId(permissionId);
        }
        uint256 minUserOpPolicies;
        if (userOp.paymasterAndData.length != 0) {
            if (!$permitERC4337Paymaster[permissionId][account]) revert PaymasterValidationNotEnabled(permissionId);
            minUserOpPolicies = 1;
        }
        vd = PolicyLib.checkUserOp($userOpPolicies[permissionId], account, permissionId, userOp, minUserOpPolicies);
        vd = ValidationDataLib.intersect(vd, _checkActions(permissionId, userOp.callData, account));

        SessionValidatorConf storage conf = $sessionValidators[permissionId][account];
        address validator = conf.validator;
        if (validator == address(0)) revert SignerNotFound(permissionId, account);
        if (!ISessionValidator(validator).validateSignatureWithData(userOpHash, sig, conf.config.load())) {
            return ValidationDataLib.SIG_VALIDATION_FAILED;
        }
    }

    /// @dev Routes userOp.callData: execute (single / batch, default exec type only), executeUserOp (rejected),
    ///      or any other account function (actionId = keccak(account ‖ selector), no fallback).
    function _checkActions(PermissionId permissionId, bytes calldata callData, address account)
        internal
        returns (uint256)
    {
        bytes4 selector = bytes4(callData[0:4]);
        if (selector == IERC7579Execution.execute.selector) {
            (bytes32 mode, bytes calldata executionCalldata) = ExecutionLib.decodeUserOpCallData(callData);
            bytes1 callType = mode[0];
            if (mode[1] != EXECTYPE_DEFAULT) revert UnsupportedExecutionType();
            if (callType == CALLTYPE_BATCH) {
                return PolicyLib.checkBatch7579Exec($actions.policies, account, permissionId, executionCalldata);
            }
            if (callType == CALLTYPE_SINGLE) return _checkSingle(permissionId, executionCalldata, account);
            revert UnsupportedCallType(callType);
        }
        if (selector == EXECUTE_USER_OP_SELECTOR) revert UnsupportedExecutionType();
        return _checkAccountCall(permissionId, selector, callData, account);
    }

    /// @dev A single ERC-7579 execution: target(20) ‖ value(32) ‖ data.
    function _checkSingle(PermissionId permissionId, bytes calldata executionCalldata, address account)
        internal
        returns (uint256)
    {
        (address target, uint256 value, bytes calldata data) = ExecutionLib.decodeSingle(executionCalldata);
        return PolicyLib.checkSingle7579Exec($actions.policies, account, permissionId, target, value, data);
    }

    /// @dev A call to an account function other than execute: the account is the target, value 0.
    function _checkAccountCall(PermissionId permissionId, bytes4 selector, bytes calldata callData, address account)
        internal
        returns (uint256)
    {
        ActionId actionId = IdLib.toActionId(account, selector);
        return PolicyLib.checkAction(
            $actions.policies[actionId][permissionId],
            PolicyLib.ActionCall(account, permissionId, account, 0),
            actionId,
            callData
        );
    }
}
