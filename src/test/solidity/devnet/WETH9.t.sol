// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {WETH9} from "../../../main/solidity/devnet/WETH9.sol";

contract WETH9Test is TestBase {
    WETH9 internal weth;
    address internal alice = address(0xA11CE);
    address internal bob = address(0xB0B);

    function setUp() public {
        weth = new WETH9();
        vm.deal(alice, 10 ether);
    }

    receive() external payable {}

    function test_metadata() public view {
        vm.assertEq(weth.name(), "Wrapped Ether", "name");
        vm.assertEq(weth.symbol(), "WETH", "symbol");
        vm.assertEq(uint256(weth.decimals()), 18, "decimals");
    }

    function test_depositWithdraw() public {
        vm.prank(alice);
        weth.deposit{value: 2 ether}();
        vm.prank(alice);
        (bool ok,) = address(weth).call{value: 1 ether}("");
        vm.assertTrue(ok, "receive wraps");
        vm.assertEq(weth.balanceOf(alice), 3 ether, "wrapped");
        vm.assertEq(weth.totalSupply(), 3 ether, "supply = eth balance");
        vm.prank(alice);
        weth.withdraw(1.5 ether);
        vm.assertEq(weth.balanceOf(alice), 1.5 ether, "after withdraw");
        vm.assertEq(alice.balance, 8.5 ether, "eth back");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(WETH9.InsufficientBalance.selector, alice, 1.5 ether, 2 ether));
        weth.withdraw(2 ether);
    }

    function test_transferAndAllowance() public {
        vm.prank(alice);
        weth.deposit{value: 5 ether}();
        vm.prank(alice);
        vm.assertTrue(weth.transfer(bob, 1 ether), "transfer");
        vm.assertEq(weth.balanceOf(bob), 1 ether, "bob");

        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(WETH9.InsufficientAllowance.selector, alice, bob, 0, 1 ether));
        // forge-lint: disable-next-line(erc20-unchecked-transfer)
        weth.transferFrom(alice, bob, 1 ether);

        vm.prank(alice);
        weth.approve(bob, 2 ether);
        vm.prank(bob);
        vm.assertTrue(weth.transferFrom(alice, bob, 1.5 ether), "transfer");
        vm.assertEq(weth.allowance(alice, bob), 0.5 ether, "allowance decreased");

        // max allowance is never decreased
        vm.prank(alice);
        weth.approve(bob, type(uint256).max);
        vm.prank(bob);
        vm.assertTrue(weth.transferFrom(alice, bob, 1 ether), "transfer");
        vm.assertEq(weth.allowance(alice, bob), type(uint256).max, "infinite allowance kept");

        // owner moving own funds through transferFrom needs no allowance
        vm.prank(alice);
        vm.assertTrue(weth.transferFrom(alice, bob, 0.5 ether), "transfer");
        vm.assertEq(weth.balanceOf(alice), 1 ether, "alice left");
        vm.assertEq(weth.balanceOf(bob), 5 ether - 1 ether, "bob total");
    }

    function test_unknownSelectorReverts() public {
        (bool ok,) = address(weth).call(abi.encodeWithSignature("nope()"));
        vm.assertFalse(ok, "no fallback");
    }

    function testFuzz_wrapUnwrap(uint96 amount, uint96 out) public {
        vm.deal(address(this), amount);
        weth.deposit{value: amount}();
        out = uint96(bound(out, 0, amount));
        weth.withdraw(out);
        vm.assertEq(weth.balanceOf(address(this)), uint256(amount) - out, "balance");
        vm.assertEq(weth.totalSupply(), uint256(amount) - out, "supply");
        vm.assertEq(address(this).balance, out, "eth");
    }
}
