// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title AssociatedSetLib
/// @notice A bytes32 set per account whose every slot is ERC-7562 "associated storage" of that account:
///         each slot is keccak256(account ‖ x) + n with small n, so validation-phase reads and writes are allowed.
/// @dev Values iterate in insertion order until the first removal; `remove` swaps the last value into the hole.
///      The position table and the values array are both keyed by the account in the innermost mapping.
library AssociatedSetLib {
    /// @notice Index out of range in `at`.
    error AssociatedSetOutOfBounds(uint256 index);

    /// @dev `items` is a fixed-size static array so that item i lives at keccak256(account ‖ p) + 1 + i.
    struct Values {
        uint256 length;
        bytes32[4294967296] items;
    }

    struct Set {
        mapping(address account => Values) _values;
        mapping(bytes32 value => mapping(address account => uint256 positionPlusOne)) _positions;
    }

    /// @notice Adds `value` for `account`; returns false if it was already present.
    function add(Set storage set, address account, bytes32 value) internal returns (bool) {
        if (set._positions[value][account] != 0) return false;
        Values storage vals = set._values[account];
        uint256 len = vals.length;
        vals.items[len] = value;
        vals.length = len + 1;
        set._positions[value][account] = len + 1;
        return true;
    }

    /// @notice Removes `value` for `account` (swap-and-pop); returns false if it was absent.
    function remove(Set storage set, address account, bytes32 value) internal returns (bool) {
        uint256 pos = set._positions[value][account];
        if (pos == 0) return false;
        Values storage vals = set._values[account];
        uint256 last = vals.length - 1;
        if (pos - 1 != last) {
            bytes32 moved = vals.items[last];
            vals.items[pos - 1] = moved;
            set._positions[moved][account] = pos;
        }
        delete vals.items[last];
        vals.length = last;
        delete set._positions[value][account];
        return true;
    }

    /// @notice Removes every value of `account`.
    function removeAll(Set storage set, address account) internal {
        Values storage vals = set._values[account];
        uint256 len = vals.length;
        for (uint256 i; i < len; ++i) {
            delete set._positions[vals.items[i]][account];
            delete vals.items[i];
        }
        vals.length = 0;
    }

    /// @notice True if `value` is in the set of `account`.
    function contains(Set storage set, address account, bytes32 value) internal view returns (bool) {
        return set._positions[value][account] != 0;
    }

    /// @notice Number of values of `account`.
    function length(Set storage set, address account) internal view returns (uint256) {
        return set._values[account].length;
    }

    /// @notice The value at `index` for `account`.
    function at(Set storage set, address account, uint256 index) internal view returns (bytes32) {
        Values storage vals = set._values[account];
        if (index >= vals.length) revert AssociatedSetOutOfBounds(index);
        return vals.items[index];
    }

    /// @notice All values of `account`, in set order.
    function values(Set storage set, address account) internal view returns (bytes32[] memory out) {
        Values storage vals = set._values[account];
        uint256 len = vals.length;
        out = new bytes32[](len);
        for (uint256 i; i < len; ++i) {
            out[i] = vals.items[i];
        }
    }

    // ---- address helpers -------------------------------------------------------------------------------------

    /// @notice Adds an address value.
    function addAddress(Set storage set, address account, address value) internal returns (bool) {
        return add(set, account, bytes32(uint256(uint160(value))));
    }

    /// @notice Removes an address value.
    function removeAddress(Set storage set, address account, address value) internal returns (bool) {
        return remove(set, account, bytes32(uint256(uint160(value))));
    }

    /// @notice True if the address is in the set.
    function containsAddress(Set storage set, address account, address value) internal view returns (bool) {
        return contains(set, account, bytes32(uint256(uint160(value))));
    }

    /// @notice The address at `index`.
    function addressAt(Set storage set, address account, uint256 index) internal view returns (address) {
        return address(uint160(uint256(at(set, account, index))));
    }

    /// @notice All values as addresses.
    function addressValues(Set storage set, address account) internal view returns (address[] memory out) {
        bytes32[] memory raw = values(set, account);
        assembly ("memory-safe") {
            out := raw
        }
    }
}
