// SPDX-License-Identifier: GPL-3.0-or-later
#include "views/settingsfields.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QToolButton>

namespace fleetplan::views {

void shrinkFields(QWidget *parent)
{
    constexpr int MinimumFieldWidth = 80; // still shows "1,000 GB" or a region's code
    for (auto *box : parent->findChildren<QAbstractSpinBox *>())
        box->setMinimumWidth(MinimumFieldWidth);
    for (auto *box : parent->findChildren<QComboBox *>()) {
        box->setMinimumWidth(MinimumFieldWidth);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    }
    for (auto *button : parent->findChildren<QToolButton *>())
        button->setMinimumWidth(MinimumFieldWidth);
}

} // namespace fleetplan::views
