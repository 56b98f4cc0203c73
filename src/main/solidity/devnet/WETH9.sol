// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title WETH9
/// @notice Wrapped Ether with the canonical WETH9 behaviour (devnet deployment): 1:1 ETH wrapping via {deposit} or a
///         plain ETH transfer, {withdraw} to unwrap, ERC-20 with an infinite allowance (`type(uint256).max`) that is
///         never decreased, and `totalSupply()` equal to the contract's ETH balance.
/// @dev Deviations from the 2017 bytecode: custom errors instead of bare reverts, and `fallback` is not payable
///      (only `receive` wraps), so calls to unknown selectors revert.
contract WETH9 {
    /// @notice Token name.
    string public constant name = "Wrapped Ether";
    /// @notice Token symbol.
    string public constant symbol = "WETH";
    /// @notice Token decimals.
    uint8 public constant decimals = 18;

    /// @notice ERC-20 balances.
    mapping(address owner => uint256) public balanceOf;
    /// @notice ERC-20 allowances.
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    /// @notice ERC-20 approval.
    event Approval(address indexed src, address indexed guy, uint256 wad);
    /// @notice ERC-20 transfer.
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    /// @notice ETH wrapped.
    event Deposit(address indexed dst, uint256 wad);
    /// @notice ETH unwrapped.
    event Withdrawal(address indexed src, uint256 wad);

    /// @dev Balance too low.
    error InsufficientBalance(address owner, uint256 balance, uint256 needed);
    /// @dev Allowance too low.
    error InsufficientAllowance(address owner, address spender, uint256 allowance, uint256 needed);
    /// @dev The ETH transfer in {withdraw} failed.
    error EthTransferFailed(address to, uint256 amount);

    /// @notice Wraps the ETH sent.
    receive() external payable {
        deposit();
    }

    /// @notice Wraps `msg.value` ETH into WETH for the sender.
    function deposit() public payable {
        balanceOf[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    /// @notice Unwraps `wad` WETH and sends the ETH to the sender.
    /// @param wad Amount in wei.
    function withdraw(uint256 wad) external {
        uint256 bal = balanceOf[msg.sender];
        if (bal < wad) revert InsufficientBalance(msg.sender, bal, wad);
        unchecked {
            balanceOf[msg.sender] = bal - wad;
        }
        emit Withdrawal(msg.sender, wad);
        (bool ok,) = payable(msg.sender).call{value: wad}("");
        if (!ok) revert EthTransferFailed(msg.sender, wad);
    }

    /// @notice Total WETH supply, i.e. the wrapped ETH held by this contract.
    /// @return The contract's ETH balance.
    function totalSupply() external view returns (uint256) {
        return address(this).balance;
    }

    /// @notice Approves `guy` to spend `wad` of the sender's WETH.
    /// @param guy Spender.
    /// @param wad Allowance (`type(uint256).max` = infinite, never decreased).
    /// @return True.
    function approve(address guy, uint256 wad) external returns (bool) {
        allowance[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    /// @notice Transfers `wad` WETH from the sender to `dst`.
    /// @param dst Recipient.
    /// @param wad Amount.
    /// @return True.
    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    /// @notice Transfers `wad` WETH from `src` to `dst`, spending allowance unless the sender is `src` or the
    ///         allowance is infinite.
    /// @param src Owner.
    /// @param dst Recipient.
    /// @param wad Amount.
    /// @return True.
    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        uint256 bal = balanceOf[src];
        if (bal < wad) revert InsufficientBalance(src, bal, wad);
        if (src != msg.sender) {
            uint256 allowed = allowance[src][msg.sender];
            if (allowed != type(uint256).max) {
                if (allowed < wad) revert InsufficientAllowance(src, msg.sender, allowed, wad);
                unchecked {
                    allowance[src][msg.sender] = allowed - wad;
                }
            }
        }
        unchecked {
            balanceOf[src] = bal - wad;
        }
        balanceOf[dst] += wad;
        emit Transfer(src, dst, wad);
        return true;
    }
}
