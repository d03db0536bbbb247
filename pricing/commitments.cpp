// SPDX-License-Identifier: GPL-3.0-or-later
#include "pricing/commitments.h"

#include <array>

namespace fleetplan::pricing {

QString commitmentPlanName(CommitmentPlan plan)
{
    switch (plan) {
    case CommitmentPlan::ComputeSavingsPlan:
        return QStringLiteral("Compute Savings Plan");
    case CommitmentPlan::Ec2InstanceSavingsPlan:
        return QStringLiteral("EC2 Instance Savings Plan");
    case CommitmentPlan::StandardReservedInstance:
        return QStringLiteral("Standard RI");
    case CommitmentPlan::ConvertibleReservedInstance:
        return QStringLiteral("Convertible RI");
    }
    return QString();
}

QString paymentOptionName(PaymentOption payment)
{
    switch (payment) {
    case PaymentOption::NoUpfront:
        return QStringLiteral("No Upfront");
    case PaymentOption::PartialUpfront:
        return QStringLiteral("Partial Upfront");
    case PaymentOption::AllUpfront:
        return QStringLiteral("All Upfront");
    }
    return QString();
}

std::optional<CommitmentPlan> parseCommitmentPlan(const QString &text)
{
    for (CommitmentPlan p : { CommitmentPlan::ComputeSavingsPlan, CommitmentPlan::Ec2InstanceSavingsPlan,
             CommitmentPlan::StandardReservedInstance, CommitmentPlan::ConvertibleReservedInstance }) {
        if (commitmentPlanName(p).compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

std::optional<PaymentOption> parsePaymentOption(const QString &text)
{
    for (PaymentOption p : { PaymentOption::NoUpfront, PaymentOption::PartialUpfront, PaymentOption::AllUpfront }) {
        if (paymentOptionName(p).compare(text.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

CommitmentAssumptions CommitmentAssumptions::defaults()
{
    // Percent off On-Demand (Linux, shared tenancy). Figures from resources/catalog/commitment_discounts.csv
    // (the "data" below): medians over its 30 rows per option (m5/m6i/c6i/r6i/m7g .large × the 6 main
    // regions; AWS RI price feeds via yeo/ec2.shop @73696e3, 2025-04-05, and the Vantage-derived All Upfront
    // effective rates, ~2026-05-12). Where the data has no figure the rule is stated:
    //  - Partial Upfront: midpoint of No Upfront and All Upfront of the same plan and term.
    //  - Convertible RI All Upfront: No Upfront + the Standard RI All-vs-No Upfront gap of the same term.
    //  - EC2 Instance Savings Plans: priced like Standard RIs (AWS Savings Plans FAQ); the one data row,
    //    3yr Partial Upfront r7g ap-east-2 58.0 %, replaces the midpoint 57.6 %. Headline maximum 72 %.
    //  - Compute Savings Plans: priced like Convertible RIs (AWS Savings Plans FAQ). Headline maximum 66 %.
    //  - Fargate (Compute Savings Plan only): data 1yr All Upfront 22.0 %, 3yr No Upfront 40.0 % (ligoj
    //    eu-west-1 2020 fixture); the other options move by the Convertible RI gaps of the same term
    //    (1yr: All − No = 4.5 points; 3yr: 5.9 points) and Partial is the midpoint. Headline "up to 50–52 %".
    struct Row
    {
        CommitmentScope scope;
        CommitmentPlan plan;
        int term;
        PaymentOption payment;
        double percent;
        const char *basis;
    };
    using S = CommitmentScope;
    using P = CommitmentPlan;
    using O = PaymentOption;
    static const auto rows = std::to_array<Row>({
        { S::Ec2, P::StandardReservedInstance, 1, O::NoUpfront, 33.8, "data: median of 30 rows (33.6–37.5)" },
        { S::Ec2, P::StandardReservedInstance, 1, O::PartialUpfront, 36.1,
            "rule: midpoint of No (33.8) and All Upfront (38.3)" },
        { S::Ec2, P::StandardReservedInstance, 1, O::AllUpfront, 38.3, "data: median of 30 rows (38.0–41.3)" },
        { S::Ec2, P::StandardReservedInstance, 3, O::NoUpfront, 54.6, "data: median of 30 rows (54.4–57.3)" },
        { S::Ec2, P::StandardReservedInstance, 3, O::PartialUpfront, 57.6,
            "rule: midpoint of No (54.6) and All Upfront (60.5)" },
        { S::Ec2, P::StandardReservedInstance, 3, O::AllUpfront, 60.5, "data: median of 30 rows (60.3–62.4)" },
        { S::Ec2, P::ConvertibleReservedInstance, 1, O::NoUpfront, 25.7, "data: median of 30 rows (18.3–27.7)" },
        { S::Ec2, P::ConvertibleReservedInstance, 1, O::PartialUpfront, 28.0,
            "rule: midpoint of No (25.7) and All Upfront (30.2)" },
        { S::Ec2, P::ConvertibleReservedInstance, 1, O::AllUpfront, 30.2,
            "rule: No Upfront 25.7 + Standard RI 1yr All−No gap 4.5" },
        { S::Ec2, P::ConvertibleReservedInstance, 3, O::NoUpfront, 48.0, "data: median of 30 rows (39.1–51.7)" },
        { S::Ec2, P::ConvertibleReservedInstance, 3, O::PartialUpfront, 51.0,
            "rule: midpoint of No (48.0) and All Upfront (53.9)" },
        { S::Ec2, P::ConvertibleReservedInstance, 3, O::AllUpfront, 53.9,
            "rule: No Upfront 48.0 + Standard RI 3yr All−No gap 5.9" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 1, O::NoUpfront, 33.8,
            "rule: as Standard RI (AWS: EC2 Instance SP priced like Standard RI)" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 1, O::PartialUpfront, 36.1, "rule: as Standard RI" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 1, O::AllUpfront, 38.3, "rule: as Standard RI" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 3, O::NoUpfront, 54.6, "rule: as Standard RI" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 3, O::PartialUpfront, 58.0,
            "data: r7g 3yr Partial Upfront ap-east-2 (jtdelia SP CSV, 2025-06-05)" },
        { S::Ec2, P::Ec2InstanceSavingsPlan, 3, O::AllUpfront, 60.5, "rule: as Standard RI" },
        { S::Ec2, P::ComputeSavingsPlan, 1, O::NoUpfront, 25.7,
            "rule: as Convertible RI (AWS: Compute SP priced like Convertible RI)" },
        { S::Ec2, P::ComputeSavingsPlan, 1, O::PartialUpfront, 28.0, "rule: as Convertible RI" },
        { S::Ec2, P::ComputeSavingsPlan, 1, O::AllUpfront, 30.2, "rule: as Convertible RI" },
        { S::Ec2, P::ComputeSavingsPlan, 3, O::NoUpfront, 48.0, "rule: as Convertible RI" },
        { S::Ec2, P::ComputeSavingsPlan, 3, O::PartialUpfront, 51.0, "rule: as Convertible RI" },
        { S::Ec2, P::ComputeSavingsPlan, 3, O::AllUpfront, 53.9, "rule: as Convertible RI" },
        { S::Fargate, P::ComputeSavingsPlan, 1, O::NoUpfront, 17.5,
            "rule: 1yr All Upfront 22.0 − 4.5 (Convertible RI 1yr gap)" },
        { S::Fargate, P::ComputeSavingsPlan, 1, O::PartialUpfront, 19.8, "rule: midpoint of 17.5 and 22.0" },
        { S::Fargate, P::ComputeSavingsPlan, 1, O::AllUpfront, 22.0,
            "data: Fargate eu-west-1 1yr All Upfront (ligoj SP fixture, 2020)" },
        { S::Fargate, P::ComputeSavingsPlan, 3, O::NoUpfront, 40.0,
            "data: Fargate eu-west-1 3yr No Upfront (ligoj SP fixture, 2020)" },
        { S::Fargate, P::ComputeSavingsPlan, 3, O::PartialUpfront, 43.0, "rule: midpoint of 40.0 and 45.9" },
        { S::Fargate, P::ComputeSavingsPlan, 3, O::AllUpfront, 45.9,
            "rule: 3yr No Upfront 40.0 + 5.9 (Convertible RI 3yr gap)" },
    });
    CommitmentAssumptions a;
    for (const Row &r : rows)
        a.m_entries.append(
            CommitmentDiscount { r.scope, r.plan, r.term, r.payment, r.percent, QString::fromUtf8(r.basis), false });
    return a;
}

const CommitmentDiscount *CommitmentAssumptions::find(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const
{
    for (const CommitmentDiscount &d : m_entries) {
        if (d.scope == scope && d.plan == plan && d.termYears == termYears && d.payment == payment)
            return &d;
    }
    return nullptr;
}

std::optional<double> CommitmentAssumptions::discountPercent(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment) const
{
    if (const CommitmentDiscount *d = find(scope, plan, termYears, payment))
        return d->discountPercent;
    return std::nullopt;
}

bool CommitmentAssumptions::setDiscountPercent(
    CommitmentScope scope, CommitmentPlan plan, int termYears, PaymentOption payment, double percent)
{
    if (!(percent >= 0.0 && percent <= 100.0))
        return false;
    for (CommitmentDiscount &d : m_entries) {
        if (d.scope == scope && d.plan == plan && d.termYears == termYears && d.payment == payment) {
            d.discountPercent = percent;
            d.basis = QStringLiteral("user");
            d.userEdited = true;
            return true;
        }
    }
    return false;
}

} // namespace fleetplan::pricing
