// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {Execution} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";

/// @dev Builds EntryPoint v0.7 user operations for ERC-7579 accounts (spec §7): gas packing, execute calldata, the
///      v0.7 userOpHash computed independently of the EntryPoint, validator nonce keys and owner signatures.
library UserOpBuilder {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev ERC-7579 `execute(bytes32,bytes)` selector.
    bytes4 internal constant EXECUTE_SELECTOR = 0xe9ae5c53;
    bytes32 internal constant MODE_SINGLE = bytes32(0);
    bytes32 internal constant MODE_BATCH = bytes32(uint256(0x01) << 248);

    /// @dev `verificationGasLimit (16) ‖ callGasLimit (16)`.
    function packGasLimits(uint128 verificationGasLimit, uint128 callGasLimit) internal pure returns (bytes32) {
        return bytes32((uint256(verificationGasLimit) << 128) | uint256(callGasLimit));
    }

    /// @dev `maxPriorityFeePerGas (16) ‖ maxFeePerGas (16)`.
    function packGasFees(uint128 maxPriorityFeePerGas, uint128 maxFeePerGas) internal pure returns (bytes32) {
        return bytes32((uint256(maxPriorityFeePerGas) << 128) | uint256(maxFeePerGas));
    }

    /// @dev Nonce key selecting `validator` (top 20 bytes of the 32-byte nonce, then 4 zero bytes).
    function validatorNonceKey(address validator) internal pure returns (uint192) {
        return uint192(uint160(validator)) << 32;
    }

    /// @dev `execute(MODE_SINGLE, target ‖ value ‖ data)`.
    function executeSingle(address target, uint256 value, bytes memory data) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(EXECUTE_SELECTOR, MODE_SINGLE, abi.encodePacked(target, value, data));
    }

    /// @dev `execute(MODE_BATCH, abi.encode(Execution[]))`.
    function executeBatch(Execution[] memory executions) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(EXECUTE_SELECTOR, MODE_BATCH, abi.encode(executions));
    }

    /// @dev A user operation with fixed, generous gas values and an empty signature.
    function build(address sender, uint256 nonce, bytes memory initCode, bytes memory callData)
        internal
        pure
        returns (PackedUserOperation memory op)
    {
        op.sender = sender;
        op.nonce = nonce;
        op.initCode = initCode;
        op.callData = callData;
        op.accountGasLimits = packGasLimits(initCode.length == 0 ? 200_000 : 1_000_000, 300_000);
        op.preVerificationGas = 50_000;
        op.gasFees = packGasFees(1 gwei, 2 gwei);
        op.paymasterAndData = "";
        op.signature = "";
    }

    /// @dev EntryPoint v0.7 userOpHash (UserOperationLib.encode + EntryPoint.getUserOpHash).
    function hashV07(PackedUserOperation memory op, address entryPoint, uint256 chainId)
        internal
        pure
        returns (bytes32)
    {
        bytes32 inner = keccak256(
            abi.encode(
                op.sender,
                op.nonce,
                keccak256(op.initCode),
                keccak256(op.callData),
                op.accountGasLimits,
                op.preVerificationGas,
                op.gasFees,
                keccak256(op.paymasterAndData)
            )
        );
        return keccak256(abi.encode(inner, entryPoint, chainId));
    }

    /// @dev 65-byte `r ‖ s ‖ v` ECDSA signature of `digest`.
    function signRaw(uint256 privateKey, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(privateKey, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev `personal_sign(hash)`: 65-byte signature over `toEthSignedMessageHash(hash)` with v = 27/28.
    ///      This is what OwnableValidator expects as the account validator (validateUserOp).
    function signPersonal(uint256 privateKey, bytes32 hash) internal pure returns (bytes memory) {
        return signRaw(privateKey, ethSigned(hash));
    }

    /// @dev `personal_sign(hash)` with v += 4 (31/32): the session-key form OwnableValidator accepts over raw hashes.
    function signPersonalV4(uint256 privateKey, bytes32 hash) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(privateKey, ethSigned(hash));
        return abi.encodePacked(r, s, v + 4);
    }

    function ethSigned(bytes32 hash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", hash));
    }
}
