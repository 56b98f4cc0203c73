// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title FixedWindow
/// @notice Fixed, non-drifting time windows aligned to an anchor: windows are [start + k·length, start + (k+1)·length).
library FixedWindow {
    /// @notice The start of the window containing `nowTs`, given a window that started at `start`.
    /// @dev Returns `start` unchanged while `nowTs < start + length` (including `nowTs < start`).
    /// @param start Start of a known window (aligned to the anchor).
    /// @param length Window length in seconds, nonzero.
    /// @param nowTs The current timestamp.
    /// @return current Start of the current window.
    /// @return rolled Whether at least one window boundary was crossed.
    function current(uint256 start, uint256 length, uint256 nowTs) internal pure returns (uint256, bool) {
        if (nowTs < start + length) return (start, false);
        // Flooring to a whole number of windows is the point here.
        // forge-lint: disable-next-line(divide-before-multiply)
        return (start + ((nowTs - start) / length) * length, true);
    }
}
