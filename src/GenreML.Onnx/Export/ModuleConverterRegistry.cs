using GenreML.Onnx.Converters;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenreML.Onnx.Export;

/// <summary>
/// Maps module types to converters, and names the container types whose forward is the chain of their children.
/// A lookup tries the exact type, then its base types. <see cref="Default"/> is read-only; start from
/// <see cref="CreateDefault"/> to add converters for your own modules.
/// </summary>
public sealed class ModuleConverterRegistry
{
    private readonly Dictionary<Type, IModuleConverter> _converters = [];
    private readonly HashSet<Type> _containers = [];
    private bool _readOnly;

    /// <summary>The built-in converters (read-only).</summary>
    public static ModuleConverterRegistry Default { get; } = CreateDefault().AsReadOnly();

    /// <summary>Whether <see cref="Register"/> and <see cref="RegisterContainer{TModule}"/> are refused.</summary>
    public bool IsReadOnly => _readOnly;

    /// <summary>A new, writable registry holding the built-in converters.</summary>
    public static ModuleConverterRegistry CreateDefault()
    {
        var registry = new ModuleConverterRegistry();
        registry.RegisterContainer<Sequential>();
        registry.Register<Conv2d>(new Conv2dConverter());
        registry.Register<BatchNorm1d>(new BatchNormConverter());
        registry.Register<BatchNorm2d>(new BatchNormConverter());
        registry.Register<Linear>(new LinearConverter());
        registry.Register<ReLU>(new UnaryOperatorConverter("Relu"));
        registry.Register<Sigmoid>(new UnaryOperatorConverter("Sigmoid"));
        registry.Register<Tanh>(new UnaryOperatorConverter("Tanh"));
        registry.Register<LeakyReLU>(new LeakyReLUConverter());
        registry.Register<ELU>(new ELUConverter());
        registry.Register<GELU>(new GELUConverter());
        registry.Register<SiLU>(new SiLUConverter());
        registry.Register<MaxPool2d>(new MaxPool2dConverter());
        registry.Register<AvgPool2d>(new AvgPool2dConverter());
        registry.Register<AdaptiveAvgPool2d>(new AdaptivePool2dConverter());
        registry.Register<AdaptiveMaxPool2d>(new AdaptivePool2dConverter());
        registry.Register<Flatten>(new FlattenConverter());
        registry.Register<Softmax>(new SoftmaxConverter());
        registry.Register<LogSoftmax>(new SoftmaxConverter());
        registry.Register<Dropout>(new IdentityConverter());
        registry.Register<Dropout2d>(new IdentityConverter());
        registry.Register<Identity>(new IdentityConverter());
        return registry;
    }

    /// <summary>Uses <paramref name="converter"/> for modules of type <typeparamref name="TModule"/> (and subclasses without their own entry).</summary>
    public ModuleConverterRegistry Register<TModule>(IModuleConverter converter)
        where TModule : nn.Module => Register(typeof(TModule), converter);

    /// <summary>Uses <paramref name="converter"/> for modules of <paramref name="moduleType"/>; replaces an earlier entry.</summary>
    public ModuleConverterRegistry Register(Type moduleType, IModuleConverter converter)
    {
        ArgumentNullException.ThrowIfNull(moduleType);
        ArgumentNullException.ThrowIfNull(converter);
        ThrowIfReadOnly();
        if (!typeof(nn.Module).IsAssignableFrom(moduleType))
        {
            throw new ArgumentException($"{moduleType.FullName} is not a TorchSharp module.", nameof(moduleType));
        }

        _converters[moduleType] = converter;
        _containers.Remove(moduleType);
        return this;
    }

    /// <summary>Declares that the forward of <typeparamref name="TModule"/> applies its children in registration order.</summary>
    public ModuleConverterRegistry RegisterContainer<TModule>()
        where TModule : nn.Module
    {
        ThrowIfReadOnly();
        _containers.Add(typeof(TModule));
        _converters.Remove(typeof(TModule));
        return this;
    }

    /// <summary>The converter for <paramref name="moduleType"/> or its nearest registered base type.</summary>
    public bool TryGetConverter(Type moduleType, out IModuleConverter converter)
    {
        for (var type = moduleType; type is not null; type = type.BaseType)
        {
            if (_containers.Contains(type))
            {
                break;
            }

            if (_converters.TryGetValue(type, out var found))
            {
                converter = found;
                return true;
            }
        }

        converter = null!;
        return false;
    }

    /// <summary>Whether <paramref name="moduleType"/> (or a base type) is a registered container.</summary>
    public bool IsContainer(Type moduleType)
    {
        for (var type = moduleType; type is not null; type = type.BaseType)
        {
            if (_converters.ContainsKey(type))
            {
                return false;
            }

            if (_containers.Contains(type))
            {
                return true;
            }
        }

        return false;
    }

    private ModuleConverterRegistry AsReadOnly()
    {
        _readOnly = true;
        return this;
    }

    private void ThrowIfReadOnly()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("ModuleConverterRegistry.Default is read-only; call ModuleConverterRegistry.CreateDefault() and register on the copy.");
        }
    }
}
