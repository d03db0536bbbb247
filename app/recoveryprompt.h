// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fleetplan::app {

class MainWindow;

/// Start-up crash recovery: when autosaved work of a session that ended without saving is found
/// (models::listRecoveryFiles()), asks whether to recover it (Recover / Discard / Later) and, on
/// Recover, restores the newest into `window` as a modified document. Discard removes the files;
/// Later keeps them for the next start. Skipped when FLEETPLAN_NO_RECOVERY_PROMPT=1.
/// Returns true when the window now shows recovered work.
bool offerRecovery(MainWindow &window);

} // namespace fleetplan::app
