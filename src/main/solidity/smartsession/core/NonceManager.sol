// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PermissionId} from "../DataTypes.sol";
import {ISmartSession} from "../interfaces/ISmartSession.sol";

/// @title NonceManager
/// @notice The per-(permission, account) enable nonce. An enable signature commits to the current value; using it
///         post-increments the nonce and `revokeEnableSignature` bumps it.
abstract contract NonceManager is ISmartSession {
    /// @dev Associated storage: slot keccak(account ‖ keccak(permissionId ‖ slot)).
    mapping(PermissionId permissionId => mapping(address account => uint256 nonce)) internal $signerNonce;

    /// @inheritdoc ISmartSession
    function getNonce(PermissionId permissionId, address account) external view returns (uint256) {
        return $signerNonce[permissionId][account];
    }

    /// @inheritdoc ISmartSession
    function revokeEnableSignature(PermissionId permissionId) external {
        uint256 newValue = ++$signerNonce[permissionId][msg.sender];
        emit NonceIterated(permissionId, msg.sender, newValue);
    }

    /// @dev Returns the current nonce and increments it (the digest uses the old value).
    function _useNonce(PermissionId permissionId, address account) internal returns (uint256 nonce) {
        nonce = $signerNonce[permissionId][account]++;
    }
}
