using TaobaoVillage.Planner;

return PlannerApp.Run(args, Console.Out, Console.Error);
