// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev Spec §2.3 multichain enable: the owner signs ONE digest covering two chains; each chain's first op
///      (deploying the counterfactual account there) enables the session with its own chainDigestIndex.
///      Chain A and chain B are modelled by vm.chainId on two snapshots of the same pre-deployment state.
contract MultichainE2E is E2EBase {
    uint64 internal constant CHAIN_A = 10;
    uint64 internal constant CHAIN_B = 8453;

    function test_oneSignatureTwoChains() public {
        Session memory s = _ecdsaSession(sessionKey, "multichain");
        s.userOpPolicies = _pol(address(sudo), "");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(erc20Limit), abi.encode(_addrs(address(usdc)), _uints(50e6))));
        PermissionId pid = _pid(s);
        uint64[] memory chains = new uint64[](2);
        chains[0] = CHAIN_A;
        chains[1] = CHAIN_B;
        EnableSession memory es = _signEnable(s, chains); // one owner signature

        uint256 snap = vm.snapshotState();

        // ---- chain A: index 0 -------------------------------------------------------------------------------------
        vm.chainId(CHAIN_A);
        es.chainDigestIndex = 0;
        _handle(_enableOp(_initCode(), es, _usdcTransfer(recipient, 20e6), sessionKeyPk));
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "enabled on A");
        vm.assertEq(usdc.balanceOf(recipient), 20e6, "A: transfer");
        _handle(_useOp(pid, _usdcTransfer(recipient, 30e6), sessionKeyPk));
        vm.assertEq(usdc.balanceOf(recipient), 50e6, "A: USE op");

        // ---- chain B: separate state (account not deployed, session unknown) ----------------------------------------
        vm.revertToState(snap);
        vm.chainId(CHAIN_B);
        vm.assertEq(account.code.length, 0, "B: not deployed");
        vm.assertFalse(smartSession.isPermissionEnabled(pid, account), "B: not enabled");
        vm.assertEq(usdc.balanceOf(recipient), 0, "B: fresh balances");
        // chain A's entry is refused on chain B
        es.chainDigestIndex = 0;
        _expectAA23(
            _enableOp(_initCode(), es, _usdcTransfer(recipient, 20e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.ChainIdMismatch.selector, CHAIN_A)
        );
        // chain B's entry works with the same owner signature
        es.chainDigestIndex = 1;
        _handle(_enableOp(_initCode(), es, _usdcTransfer(recipient, 50e6), sessionKeyPk));
        vm.assertTrue(smartSession.isPermissionEnabled(pid, account), "enabled on B");
        vm.assertEq(usdc.balanceOf(recipient), 50e6, "B: transfer");
        (, uint256 spent,) = erc20Limit.getPolicyData(
            _actionCfg(pid, address(usdc), TRANSFER), address(smartSession), address(usdc), account
        );
        vm.assertEq(spent, 50e6, "B: own budget");
        _expectAA23(_useOp(pid, _usdcTransfer(recipient, 1), sessionKeyPk), _policyViolation(pid, address(erc20Limit)));
    }

    /// @dev A signature over [A, B] does not enable on a third chain, whatever the index.
    function test_unlistedChainRejected() public {
        Session memory s = _ecdsaSession(sessionKey, "multichain");
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
        uint64[] memory chains = new uint64[](2);
        chains[0] = CHAIN_A;
        chains[1] = CHAIN_B;
        EnableSession memory es = _signEnable(s, chains);
        vm.chainId(1);
        es.chainDigestIndex = 1;
        _expectAA23(
            _enableOp(_initCode(), es, _usdcTransfer(recipient, 1e6), sessionKeyPk),
            abi.encodeWithSelector(ISmartSession.ChainIdMismatch.selector, CHAIN_B)
        );
    }
}
