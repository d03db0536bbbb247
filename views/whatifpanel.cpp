// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/whatifpanel.h"

#include <array>
#include <algorithm>
#include <cmath>

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaEnum>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace fleetplan::views {

namespace {
// Slider positions are integers: load and peak in hundredths, shares and utilisation in percent,
// the Savings Plans commitment in cents per hour.
int toSlider(WhatIfPanel::Knob knob, double value)
{
    switch (knob) {
    case WhatIfPanel::LoadMultiplier:
    case WhatIfPanel::PeakMultiplier:
    case WhatIfPanel::SpotShare:
    case WhatIfPanel::SavingsPlan:
        return int(std::lround(value * 100.0));
    case WhatIfPanel::TargetUtilization:
        return int(std::lround(value));
    }
    return 0;
}

double fromSlider(WhatIfPanel::Knob knob, int position)
{
    if (knob == WhatIfPanel::TargetUtilization)
        return position;
    return position / 100.0;
}
} // namespace

WhatIfPanel::WhatIfPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("whatIfPanel"));
    setAccessibleName(tr("What-if"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);

    struct Spec
    {
        Knob knob;
        QString label;
        QString accessible;
        int min;
        int max;
        int page;
        QString toolTip;
    };
    const auto specs = std::to_array<Spec>({
        { LoadMultiplier, tr("&Load"), tr("Load multiplier"), 10, 300, 10,
            tr("Multiplies every service's replicas at every hour (×1.00 = the scenario as entered). "
               "A what-if: not saved, not undoable.") },
        { PeakMultiplier, tr("&Peak"), tr("Peak multiplier"), 0, 200, 10,
            tr("Stretches each load profile around its mean: ×1.00 keeps the profile, ×0 flattens it to its "
               "average, ×2.00 doubles how far the busy hours rise above it (and the quiet hours fall below). "
               "A what-if: not saved.") },
        { SpotShare, tr("&Spot share"), tr("Spot share"), 0, 100, 10,
            tr("Share of Spot-tolerant services' capacity run on EC2 Spot or Fargate Spot. Changes the "
               "scenario when you release the slider (undoable).") },
        { SavingsPlan, tr("Savings &Plans"), tr("Savings Plans commitment"), 0, 2000, 100,
            tr("Savings Plans commitment in USD per hour, paid every hour whether used or not. Changes the "
               "scenario when you release the slider (undoable).") },
        { TargetUtilization, tr("&Target use"), tr("Target utilisation"), 10, 100, 5,
            tr("Capacity-provider target of ECS on EC2 and EKS nodes: at 80 % the fleet keeps 20 % spare. "
               "Changes the scenario when you release the slider (undoable).") },
    });
    for (const Spec &s : specs) {
        QSlider *slider = addSlider(s.knob, s.label, s.accessible, s.min, s.max, s.page);
        slider->setToolTip(s.toolTip);
        auto *row = new QHBoxLayout;
        row->addWidget(slider, 1);
        row->addWidget(m_labels[s.knob]);
        auto *label = new QLabel(s.label, this);
        label->setBuddy(slider);
        form->addRow(label, row);
    }
    auto *reset = new QPushButton(tr("Reset load and peak"), this);
    reset->setObjectName(QStringLiteral("whatIfReset"));
    connect(reset, &QPushButton::clicked, this, [this] {
        m_sliders[LoadMultiplier]->setValue(100);
        m_sliders[PeakMultiplier]->setValue(100);
        Q_EMIT editFinished(LoadMultiplier);
        Q_EMIT resetRequested();
    });
    layout->addWidget(reset, 0, Qt::AlignRight);
    auto *hint = new QLabel(tr("Load and peak are transient what-ifs. Spot share, Savings Plans and target "
                               "utilisation change the scenario (undoable). The region is set with the "
                               "scenario on the Workload tab."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(hint);
    layout->addStretch(1);
    setValues(Values {});
}

QSlider *WhatIfPanel::addSlider(
    Knob knob, const QString & /*label*/, const QString &accessible, int min, int max, int page)
{
    auto *slider = new QSlider(Qt::Horizontal, this);
    slider->setObjectName(QStringLiteral("whatIf") + QString::fromLatin1(QMetaEnum::fromType<Knob>().valueToKey(knob)));
    slider->setAccessibleName(accessible);
    slider->setRange(min, max);
    slider->setSingleStep(knob == TargetUtilization ? 1 : 5);
    slider->setPageStep(page);
    slider->setMinimumWidth(120);
    auto *value = new QLabel(this);
    value->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("99.99 USD/h")));
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_sliders[knob] = slider;
    m_labels[knob] = value;
    connect(slider, &QSlider::valueChanged, this, [this, knob] {
        updateLabel(knob);
        if (!m_updating)
            Q_EMIT valueChanged(knob);
    });
    connect(slider, &QSlider::sliderReleased, this, [this, knob] {
        if (!m_updating)
            Q_EMIT editFinished(knob);
    });
    // Keyboard and click steps are not drags: each ends its own edit.
    connect(slider, &QSlider::actionTriggered, this, [this, knob, slider](int action) {
        if (action != QAbstractSlider::SliderMove && !slider->isSliderDown() && !m_updating) {
            QMetaObject::invokeMethod(
                this, [this, knob] { Q_EMIT editFinished(knob); }, Qt::QueuedConnection);
        }
    });
    return slider;
}

void WhatIfPanel::updateLabel(Knob knob)
{
    m_labels[knob]->setText(valueText(knob));
    m_sliders[knob]->setAccessibleDescription(valueText(knob));
}

QString WhatIfPanel::valueText(Knob knob) const
{
    const double v = fromSlider(knob, m_sliders[knob]->value());
    switch (knob) {
    case LoadMultiplier:
    case PeakMultiplier:
        return QStringLiteral("× %1").arg(v, 0, 'f', 2);
    case SpotShare:
        return QStringLiteral("%1 %").arg(v * 100.0, 0, 'f', 0);
    case SavingsPlan:
        return tr("%1 USD/h").arg(v, 0, 'f', 2);
    case TargetUtilization:
        return QStringLiteral("%1 %").arg(v, 0, 'f', 0);
    }
    return {};
}

void WhatIfPanel::setValues(const Values &values)
{
    m_updating = true;
    if (values.savingsPlanUsdPerHour > m_spMaximum)
        setSavingsPlanMaximum(values.savingsPlanUsdPerHour);
    m_sliders[LoadMultiplier]->setValue(toSlider(LoadMultiplier, values.loadMultiplier));
    m_sliders[PeakMultiplier]->setValue(toSlider(PeakMultiplier, values.peakMultiplier));
    m_sliders[SpotShare]->setValue(toSlider(SpotShare, values.spotShare));
    m_sliders[SavingsPlan]->setValue(toSlider(SavingsPlan, values.savingsPlanUsdPerHour));
    m_sliders[TargetUtilization]->setValue(toSlider(TargetUtilization, values.targetUtilizationPercent));
    for (Knob k : { LoadMultiplier, PeakMultiplier, SpotShare, SavingsPlan, TargetUtilization })
        updateLabel(k);
    m_updating = false;
}

WhatIfPanel::Values WhatIfPanel::values() const
{
    Values v;
    v.loadMultiplier = fromSlider(LoadMultiplier, m_sliders[LoadMultiplier]->value());
    v.peakMultiplier = fromSlider(PeakMultiplier, m_sliders[PeakMultiplier]->value());
    v.spotShare = fromSlider(SpotShare, m_sliders[SpotShare]->value());
    v.savingsPlanUsdPerHour = fromSlider(SavingsPlan, m_sliders[SavingsPlan]->value());
    v.targetUtilizationPercent = fromSlider(TargetUtilization, m_sliders[TargetUtilization]->value());
    return v;
}

void WhatIfPanel::setSavingsPlanMaximum(double usdPerHour)
{
    m_spMaximum = std::max(1.0, usdPerHour);
    const bool was = m_updating;
    m_updating = true;
    m_sliders[SavingsPlan]->setMaximum(int(std::ceil(m_spMaximum * 100.0)));
    m_sliders[SavingsPlan]->setPageStep(std::max(1, m_sliders[SavingsPlan]->maximum() / 20));
    m_updating = was;
}

QSlider *WhatIfPanel::slider(Knob knob) const
{
    return m_sliders[knob];
}

} // namespace fleetplan::views
