// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/whatifcontroller.h"

#include <algorithm>

#include <QUndoStack>

#include "models/workload/commands.h"
#include "models/workload/document.h"

namespace fleetplan::app {

WhatIfController::WhatIfController(models::Document *document, views::WhatIfPanel *panel, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_panel(panel)
{
    connect(m_panel, &views::WhatIfPanel::valueChanged, this, &WhatIfController::onValueChanged);
    connect(m_panel, &views::WhatIfPanel::editFinished, this, &WhatIfController::onEditFinished);
    connect(m_panel, &views::WhatIfPanel::resetRequested, this, &WhatIfController::resetRequested);
    // The panel follows the scenario: an undo, an edit elsewhere or another document moves the knobs.
    connect(m_document, &models::Document::changed, this, &WhatIfController::syncFromScenario);
    // Another document (New, Open, a recovered file) starts without the previous one's what-ifs.
    connect(m_document, &models::Document::scenarioReset, this, [this] {
        m_dragOverrides = {};
        views::WhatIfPanel::Values v = m_panel->values();
        v.loadMultiplier = 1.0;
        v.peakMultiplier = 1.0;
        m_panel->setValues(v);
        syncFromScenario();
    });
}

void WhatIfController::syncFromScenario()
{
    const models::Scenario &s = m_document->scenario();
    views::WhatIfPanel::Values v = m_panel->values();
    v.spotShare = m_dragOverrides.spotShare.value_or(s.purchase.spotShare);
    v.savingsPlanUsdPerHour = m_dragOverrides.savingsPlanUsdPerHour.value_or(s.purchase.savingsPlanUsdPerHour);
    v.targetUtilizationPercent = m_dragOverrides.targetUtilizationPercent.value_or(
        s.platform(models::PlatformId::EcsEc2).targetUtilizationPercent);
    m_panel->setValues(v);
}

models::WhatIf WhatIfController::currentWhatIf() const
{
    const views::WhatIfPanel::Values v = m_panel->values();
    models::WhatIf w = m_dragOverrides;
    w.loadMultiplier = v.loadMultiplier;
    w.peakMultiplier = v.peakMultiplier;
    return w;
}

void WhatIfController::onValueChanged(views::WhatIfPanel::Knob knob)
{
    const views::WhatIfPanel::Values v = m_panel->values();
    switch (knob) {
    case views::WhatIfPanel::SpotShare:
        m_dragOverrides.spotShare = v.spotShare;
        break;
    case views::WhatIfPanel::SavingsPlan:
        m_dragOverrides.savingsPlanUsdPerHour = v.savingsPlanUsdPerHour;
        break;
    case views::WhatIfPanel::TargetUtilization:
        m_dragOverrides.targetUtilizationPercent = v.targetUtilizationPercent;
        break;
    case views::WhatIfPanel::LoadMultiplier:
    case views::WhatIfPanel::PeakMultiplier:
        break;
    }
    Q_EMIT previewChanged();
}

void WhatIfController::onEditFinished(views::WhatIfPanel::Knob knob)
{
    const views::WhatIfPanel::Values v = m_panel->values();
    const models::Scenario &s = m_document->scenario();
    QUndoStack *stack = m_document->undoStack();
    switch (knob) {
    case views::WhatIfPanel::SpotShare:
    case views::WhatIfPanel::SavingsPlan: {
        m_dragOverrides.spotShare.reset();
        m_dragOverrides.savingsPlanUsdPerHour.reset();
        models::PurchaseOptions p = s.purchase;
        p.spotShare = v.spotShare;
        p.savingsPlanUsdPerHour = v.savingsPlanUsdPerHour;
        if (!(p == s.purchase)) {
            // "Set Spot share from 0 % to 30 %": the command names the one option that changed.
            stack->push(new models::SetPurchaseOptionsCommand(m_document, p));
        }
        break;
    }
    case views::WhatIfPanel::TargetUtilization: {
        m_dragOverrides.targetUtilizationPercent.reset();
        QList<models::PlatformId> changed;
        for (models::PlatformId id : { models::PlatformId::EcsEc2, models::PlatformId::EksNodes }) {
            if (s.platform(id).targetUtilizationPercent != v.targetUtilizationPercent)
                changed << id;
        }
        if (!changed.isEmpty()) {
            const double from = s.platform(changed.constFirst()).targetUtilizationPercent;
            const bool sameFrom = std::all_of(changed.cbegin(), changed.cend(),
                [&](models::PlatformId id) { return s.platform(id).targetUtilizationPercent == from; });
            stack->beginMacro(sameFrom
                    ? tr("Set target utilisation from %1 % to %2 %")
                          .arg(from, 0, 'f', 0)
                          .arg(v.targetUtilizationPercent, 0, 'f', 0)
                    : tr("Set target utilisation to %1 %").arg(v.targetUtilizationPercent, 0, 'f', 0));
            for (models::PlatformId id : changed) {
                models::PlatformSettings p = s.platform(id);
                p.targetUtilizationPercent = v.targetUtilizationPercent;
                stack->push(new models::SetPlatformSettingsCommand(m_document, id, p));
            }
            stack->endMacro();
        }
        break;
    }
    case views::WhatIfPanel::LoadMultiplier:
    case views::WhatIfPanel::PeakMultiplier:
        break;
    }
}

} // namespace fleetplan::app
