// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";

/// @dev Shared base of our forge tests: the cheatcode handle and the few helpers every suite needs.
abstract contract TestBase {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev Maps a fuzzed value into [min, max] without discarding runs.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min + 1;
        if (size == 0) return x;
        return min + (x % size);
    }

    /// @dev A deterministic key pair for a named test actor.
    function makeKey(string memory name) internal pure returns (address account, uint256 privateKey) {
        privateKey = uint256(keccak256(abi.encodePacked("latchkey-test-key", name))) % SECP256K1_N;
        if (privateKey == 0) privateKey = 1;
        account = vm.addr(privateKey);
    }

    uint256 internal constant SECP256K1_N =
        0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;
}
