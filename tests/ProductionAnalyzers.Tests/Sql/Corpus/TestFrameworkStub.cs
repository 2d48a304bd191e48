// Stands in for the NUnit package, which the corpus compilation does not reference: the attributes and the assertion
// PurgeDatabaseTests.cs uses. (Nested namespaces: a copy of the corpus in another namespace, as the quality gates make,
// still imports NUnit.Framework by that name.)
namespace NUnit
{
    namespace Framework
    {
        public sealed class TestFixtureAttribute : System.Attribute { }

        public sealed class TestAttribute : System.Attribute { }

        public static class Is
        {
            public static object EqualTo(object expected) => expected;
        }

        public static class Assert
        {
            public static void That(object actual, object constraint) { }
        }
    }
}
