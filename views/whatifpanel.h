// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QSlider;

namespace fleetplan::views {

/// The what-if sliders: load multiplier, peak multiplier, Spot share, Savings Plans commitment and
/// target utilisation (the region is a scenario setting, in ScenarioSettingsPanel only). The panel only shows and
/// reports values; the owner decides which go to the scenario (undoable) and which stay transient what-if overrides.
class WhatIfPanel : public QWidget
{
    Q_OBJECT

public:
    enum Knob { LoadMultiplier, PeakMultiplier, SpotShare, SavingsPlan, TargetUtilization };
    Q_ENUM(Knob)

    struct Values
    {
        double loadMultiplier = 1.0; ///< 0.1 .. 3.0
        double peakMultiplier = 1.0; ///< 0 .. 2.0
        double spotShare = 0.0; ///< 0 .. 1
        double savingsPlanUsdPerHour = 0.0; ///< 0 .. savingsPlanMaximum()
        double targetUtilizationPercent = 100; ///< 10 .. 100

        friend bool operator==(const Values &, const Values &) = default;
    };

    explicit WhatIfPanel(QWidget *parent = nullptr);

    /// Shows these values without emitting valueChanged().
    void setValues(const Values &values);
    Values values() const;

    /// The largest Savings Plans commitment the slider offers (USD per hour).
    void setSavingsPlanMaximum(double usdPerHour);
    double savingsPlanMaximum() const { return m_spMaximum; }

    QSlider *slider(Knob knob) const;
    /// The text beside a slider ("× 1.25", "40 %", "12.50 USD/h").
    QString valueText(Knob knob) const;

Q_SIGNALS:
    /// A knob moved (every step of a drag).
    void valueChanged(fleetplan::views::WhatIfPanel::Knob knob);
    /// A drag ended (or a keyboard step happened): the owner may close its merged undo step.
    void editFinished(fleetplan::views::WhatIfPanel::Knob knob);
    /// "Reset" pressed: load and peak back to 1.0.
    void resetRequested();

private:
    QSlider *addSlider(Knob knob, const QString &label, const QString &accessible, int min, int max, int page);
    void updateLabel(Knob knob);

    std::array<QSlider *, 5> m_sliders {};
    std::array<QLabel *, 5> m_labels {};
    double m_spMaximum = 20.0;
    bool m_updating = false;
};

} // namespace fleetplan::views
