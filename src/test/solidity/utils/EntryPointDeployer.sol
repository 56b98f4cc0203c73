// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";
import {IEntryPointV07} from "./IEntryPointV07.sol";

/// @dev Deploys the real EntryPoint v0.7 (account-abstraction v0.7.0) from its npm artifact. The Solidity sources need
///      OZ 5.0 and are not compiled here; the artifact bytecode is the audited build.
library EntryPointDeployer {
    Vm private constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    string internal constant ARTIFACT = "node_modules/@account-abstraction/contracts/artifacts/EntryPoint.json";

    /// @dev Canonical EntryPoint v0.7 address on public chains.
    address internal constant CANONICAL_V07 = 0x0000000071727De22E5E9d8BAf0edAc6f37da032;

    error EntryPointDeployFailed();

    /// @dev Deploys a fresh EntryPoint v0.7 with CREATE from the calling contract.
    function deploy() internal returns (IEntryPointV07 entryPoint) {
        bytes memory initcode = vm.parseJsonBytes(vm.readFile(ARTIFACT), ".bytecode");
        address ep;
        assembly ("memory-safe") {
            ep := create(0, add(initcode, 0x20), mload(initcode))
        }
        if (ep == address(0) || ep.code.length == 0) revert EntryPointDeployFailed();
        entryPoint = IEntryPointV07(ep);
        vm.label(ep, "EntryPointV07");
    }

    /// @dev Deploys an EntryPoint v0.7 and places its runtime code at the canonical address (its SenderCreator
    ///      immutable keeps pointing at the helper created by the constructor, which is all handleOps needs).
    function deployAtCanonical() internal returns (IEntryPointV07 entryPoint) {
        IEntryPointV07 fresh = deploy();
        vm.etch(CANONICAL_V07, address(fresh).code);
        entryPoint = IEntryPointV07(CANONICAL_V07);
        vm.label(CANONICAL_V07, "EntryPointV07");
    }
}
