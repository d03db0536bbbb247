// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QSortFilterProxyModel>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace fleetplan::pricing {
class Catalog;
struct Rate;
} // namespace fleetplan::pricing

namespace fleetplan::views {

class InstanceTypeTableModel;

/// Filters the instance-type table: name text (substring or wildcard), architecture, priced only.
class InstanceTypeFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString &text);
    void setArch(const QString &arch); ///< "x86_64", "arm64" or empty for both
    void setPricedOnly(bool pricedOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    QString m_arch;
    bool m_pricedOnly = true;
};

/// The catalog browser: instance types (sortable, filterable, priced in a region), Fargate and EKS
/// rates of that region, and the catalog's datasets with their dates and sources and the user's price book.
class CatalogBrowser : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogBrowser(QWidget *parent = nullptr);

    void setCatalog(std::shared_ptr<const pricing::Catalog> catalog);
    void setRegion(const QString &region);
    QString region() const;

    QTableView *instanceTable() const { return m_table; }
    InstanceTypeFilter *filter() const { return m_filter; }
    QLineEdit *filterEdit() const { return m_search; }
    /// The Fargate / EKS rates text and the sources text, as plain text.
    QString ratesText() const;
    QString sourcesText() const;

private:
    void refreshRates();
    void refreshSources();
    void updateCount();
    /// A rate's publisher and date (the full citation as its tooltip), marked when it is an estimate.
    static QString citationHtml(const pricing::Rate &rate);

    std::shared_ptr<const pricing::Catalog> m_catalog;
    InstanceTypeTableModel *m_model = nullptr;
    InstanceTypeFilter *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_arch = nullptr;
    QComboBox *m_region = nullptr;
    QCheckBox *m_priced = nullptr;
    QLabel *m_count = nullptr;
    QTextBrowser *m_rates = nullptr;
    QTextBrowser *m_sources = nullptr;
};

} // namespace fleetplan::views
