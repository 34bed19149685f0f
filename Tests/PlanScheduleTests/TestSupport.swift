// The shared fixture builder, visible in every file of this target (some files here do not
// import it themselves).
@_exported import PlanTestSupport
