// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

#include "pricing/commitments.h"
#include "pricing/pricebook.h"

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace fleetplan::views {

/// The rates stored in the price book: imported AWS Price List rates and the user's overrides. The USD cell
/// is editable: editing an imported rate asks for an override of it, editing an override changes it
/// (usdEdited()); the model itself changes only through setEntries().
class PriceBookRatesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Region, Key, Usd, Origin, AsOf, Source, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(QList<pricing::PriceBookEntry> entries);
    const QList<pricing::PriceBookEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void usdEdited(const fleetplan::pricing::PriceBookEntry &entry, double usd);

private:
    QList<pricing::PriceBookEntry> m_entries;
};

/// The Savings Plans / RI discount assumptions (defaults with the user's edits); the percent is editable.
class CommitmentAssumptionsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Scope, Plan, Term, Payment, Percent, Basis, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setAssumptions(const pricing::CommitmentAssumptions &assumptions);
    const QList<pricing::CommitmentDiscount> &discounts() const { return m_discounts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void percentEdited(const fleetplan::pricing::CommitmentDiscount &discount, double percent);

private:
    QList<pricing::CommitmentDiscount> m_discounts;
};

/// The custom node types of the price book (the user's own hardware, issue 19); read-only: a type is added,
/// replaced or removed through the page's dialog and buttons.
class CustomNodeTypesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Vcpu, MemoryMib, Arch, MaxPods, UsdPerHour, Note, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setTypes(QList<pricing::CustomNodeType> types);
    const QList<pricing::CustomNodeType> &types() const { return m_types; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<pricing::CustomNodeType> m_types;
};

/// The Price book tab (issue 18): what the CLI's `catalog discount|override|commitment|import` edit, in the
/// window — the enterprise discount, the stored rates with their origin (imported / override; everything
/// else is bundled, as the Catalog tab shows), per-item overrides, the commitment discount assumptions and
/// AWS Price List import. The page only shows and asks: every edit is a signal, which the window turns into
/// an undoable command (models/pricebookcommands.h) and answers with setContents() once it is written.
class PriceBookPage : public QWidget
{
    Q_OBJECT

public:
    struct Contents
    {
        QString path; ///< the price book file
        bool exists = true; ///< false: no book yet (the first edit creates it)
        QString error; ///< why it cannot be read (the page then shows only that)
        double discountPercent = 0.0;
        QList<pricing::PriceBookEntry> entries;
        pricing::CommitmentAssumptions commitments = pricing::CommitmentAssumptions::defaults();
        QList<pricing::CustomNodeType> customNodeTypes; ///< the user's own hardware
    };

    explicit PriceBookPage(QWidget *parent = nullptr);

    void setContents(const Contents &contents);
    /// Regions offered for a new override; `current` (the scenario's) first.
    void setRegions(const QStringList &regions, const QString &current);

    QDoubleSpinBox *discountBox() const { return m_discount; }
    QTableView *ratesTable() const { return m_rates; }
    PriceBookRatesModel *ratesModel() const { return m_ratesModel; }
    QTableView *commitmentsTable() const { return m_commitments; }
    CommitmentAssumptionsModel *commitmentsModel() const { return m_commitmentsModel; }
    QLineEdit *filterEdit() const { return m_filter; }
    QPushButton *importButton() const { return m_import; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *summary() const { return m_summary; }
    QTableView *customNodesTable() const { return m_customNodes; }
    CustomNodeTypesModel *customNodesModel() const { return m_customNodesModel; }

    /// Asks for a custom node type (name, vCPU, memory, architecture, max pods, USD per node-hour, note) in a
    /// dialog, then requestCustomNodeType().
    void addCustomNodeType();
    /// Emits customNodeTypeRequested() when the type can be stored; else returns what is wrong with it
    /// (pricing::checkCustomNodeType(): a name AWS uses, zero vCPU, a negative or NaN cost) and emits nothing.
    QString requestCustomNodeType(const pricing::CustomNodeType &type);
    /// Removes the custom node types selected in their table (customNodeTypeRemoveRequested() for each).
    void removeSelectedCustomNodeTypes();

    /// Asks for a new override (kind, region, key, USD, note) in a dialog; emits overrideRequested().
    void addOverride();
    /// Removes the overrides selected in the rates table (overrideRemoveRequested() for each).
    void removeSelectedOverrides();

Q_SIGNALS:
    void discountEdited(double percent);
    void overrideRequested(
        fleetplan::pricing::RateKind kind, const QString &region, const QString &key, double usd, const QString &note);
    void overrideRemoveRequested(fleetplan::pricing::RateKind kind, const QString &region, const QString &key);
    void commitmentEdited(const fleetplan::pricing::CommitmentDiscount &discount, double percent);
    void commitmentResetRequested(const fleetplan::pricing::CommitmentDiscount &discount);
    void importRequested();
    void customNodeTypeRequested(const fleetplan::pricing::CustomNodeType &type);
    void customNodeTypeRemoveRequested(const QString &name);

private:
    void updateButtons();

    QLabel *m_summary = nullptr;
    QDoubleSpinBox *m_discount = nullptr;
    QLineEdit *m_filter = nullptr;
    PriceBookRatesModel *m_ratesModel = nullptr;
    QSortFilterProxyModel *m_ratesProxy = nullptr;
    QTableView *m_rates = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    CommitmentAssumptionsModel *m_commitmentsModel = nullptr;
    QTableView *m_commitments = nullptr;
    QPushButton *m_reset = nullptr;
    CustomNodeTypesModel *m_customNodesModel = nullptr;
    QTableView *m_customNodes = nullptr;
    QPushButton *m_addNode = nullptr;
    QPushButton *m_removeNode = nullptr;
    QStringList m_regions;
    double m_shownDiscount = 0.0;
};

} // namespace fleetplan::views
