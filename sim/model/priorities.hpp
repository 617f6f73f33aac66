// The order of the crisis model's simultaneous events (engine priorities: lower runs first at equal times).
// Scripted events happen before meetings, meetings before deadlines, and so on; the trajectory's interval
// sample comes last, so that it shows the state after everything that happened at its time.
#pragma once

namespace brink::model {

inline constexpr int k_priority_script = 0;     ///< scripted events and scheduled demands (§1.3, §3.2)
inline constexpr int k_priority_meeting = 1;    ///< meetings (§4.5)
inline constexpr int k_priority_deadline = 2;   ///< deadlines (§3.3)
inline constexpr int k_priority_crossing = 3;   ///< rung crossings (§2.3)
inline constexpr int k_priority_decision = 4;   ///< decisions (§7.2)
inline constexpr int k_priority_bdm = 5;        ///< BDM rounds (§3.4)
inline constexpr int k_priority_relations = 6;  ///< the daily relations batch (§2.4)
inline constexpr int k_priority_sample = 9;     ///< interval samples of the trajectory

}  // namespace brink::model
