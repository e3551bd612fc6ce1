using System.Linq.Expressions;

namespace Throughcare.Core.Infrastructure.Database;

/// <summary>
/// Turns an access object's filter, written over the context and a record, into the query filter EF Core applies to
/// every query. The context becomes a constant, exactly as `this` would in OnModelCreating, so EF Core reads the
/// current context's scope each time a query runs.
/// </summary>
public static class AccessFilter
{
    public static LambdaExpression For<T>(Expression<Func<ThroughcareDbContext, T, bool>> filter, ThroughcareDbContext context)
    {
        var body = new Replace(filter.Parameters[0], Expression.Constant(context, typeof(ThroughcareDbContext))).Visit(filter.Body);
        return Expression.Lambda<Func<T, bool>>(body, filter.Parameters[1]);
    }

    /// <summary>Inlines a shared rule (a record's person has an active care role) into another filter.</summary>
    public static Expression<Func<ThroughcareDbContext, T, bool>> Where<T>(
        Expression<Func<ThroughcareDbContext, T, bool>> own, Expression<Func<ThroughcareDbContext, T, Guid>> person, Expression<Func<ThroughcareDbContext, Guid, bool>> rule)
    {
        var db = own.Parameters[0];
        var record = own.Parameters[1];
        var personId = new Replace(person.Parameters[0], db).Visit(new Replace(person.Parameters[1], record).Visit(person.Body));
        var holds = new Replace(rule.Parameters[0], db).Visit(new Replace(rule.Parameters[1], personId).Visit(rule.Body));
        return Expression.Lambda<Func<ThroughcareDbContext, T, bool>>(Expression.AndAlso(own.Body, holds), db, record);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
