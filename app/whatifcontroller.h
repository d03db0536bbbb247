// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include "models/simulation/costreport.h"
#include "views/whatifpanel.h"

/// Turns the what-if panel's knobs into simulation inputs and undo commands. Load and peak multipliers
/// are pure what-ifs (never saved). Spot share, Savings Plans and target utilisation are scenario
/// values (the region too, but it is set in the scenario panel only): while a slider moves they act as overrides of the
/// scenario (so the charts follow the drag without filling the undo stack), and the end of the drag pushes one command
/// in words ("Set Spot share to 40 %"). Undo then moves the knob back, because the panel follows the scenario.
namespace fleetplan::models {
class Document;
}

namespace fleetplan::app {

class WhatIfController : public QObject
{
    Q_OBJECT

public:
    WhatIfController(models::Document *document, views::WhatIfPanel *panel, QObject *parent = nullptr);

    /// What the next simulation applies on top of the scenario: the multipliers and any knob being dragged.
    models::WhatIf currentWhatIf() const;
    /// Shows the scenario's values on the panel (except a knob being dragged); runs on every document change.
    void syncFromScenario();

Q_SIGNALS:
    /// A knob moved: the figures on screen no longer match; simulate now (every step of a drag).
    void previewChanged();
    /// The panel was reset to its defaults.
    void resetRequested();

private:
    void onValueChanged(views::WhatIfPanel::Knob knob);
    void onEditFinished(views::WhatIfPanel::Knob knob);

    models::Document *m_document = nullptr;
    views::WhatIfPanel *m_panel = nullptr;
    /// Transient overrides of scenario values while a slider is dragged.
    models::WhatIf m_dragOverrides;
};

} // namespace fleetplan::app
