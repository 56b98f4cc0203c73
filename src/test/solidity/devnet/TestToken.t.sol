// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {TestToken} from "../../../main/solidity/devnet/TestToken.sol";

contract TestTokenTest is TestBase {
    function test_metadata() public {
        TestToken usd = new TestToken("Test USD", "TUSD", 6);
        vm.assertEq(usd.name(), "Test USD", "name");
        vm.assertEq(usd.symbol(), "TUSD", "symbol");
        vm.assertEq(uint256(usd.decimals()), 6, "decimals");
        TestToken dai = new TestToken("Test DAI", "TDAI", 18);
        vm.assertEq(uint256(dai.decimals()), 18, "decimals 18");
    }

    function test_publicMintAndTransfer() public {
        TestToken t = new TestToken("T", "T", 18);
        vm.prank(address(0x1234)); // anyone may mint on the devnet
        t.mint(address(0xA), 100);
        vm.assertEq(t.balanceOf(address(0xA)), 100, "minted");
        vm.assertEq(t.totalSupply(), 100, "supply");
        vm.prank(address(0xA));
        vm.assertTrue(t.transfer(address(0xB), 40), "transfer");
        vm.assertEq(t.balanceOf(address(0xB)), 40, "transferred");
    }

    function testFuzz_mint(address to, uint128 a, uint128 b) public {
        vm.assume(to != address(0));
        TestToken t = new TestToken("T", "T", 18);
        t.mint(to, a);
        t.mint(to, b);
        vm.assertEq(t.balanceOf(to), uint256(a) + b, "balance");
    }
}
